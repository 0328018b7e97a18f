/**
 * Handling time (received → closed) is stored in the rollup as a bucket number on a log scale, so medians and
 * percentiles come from summed bucket counts instead of a scan of every ticket. Bucket b holds hours in
 * [e^(b/8) − 1, e^((b+1)/8) − 1): about 13% wide, so a quantile interpolated inside its bucket is within a few
 * percent of the exact one (checked in handling-time.test.ts).
 */
export const BUCKETS_PER_E = 8;

/** The bucket of a ticket's handling time, NULL when it is not closed or was closed before it was received. */
export const HANDLING_BUCKET_SQL = `CASE WHEN handling_hours >= 0
  THEN floor(ln(1 + handling_hours) * ${BUCKETS_PER_E})::SMALLINT END`;

/** The lower edge of a bucket, in hours. */
export function bucketStartHours(bucket: number): number {
  return Math.expm1(bucket / BUCKETS_PER_E);
}

/**
 * The q-quantile (0 < q < 1) of handling hours from bucket counts, interpolating linearly inside the bucket it
 * falls in. Null when there is nothing to measure.
 */
export function quantileFromBuckets(
  buckets: readonly { bucket: number; tickets: number }[],
  q: number,
): number | null {
  const sorted = [...buckets].filter((b) => b.tickets > 0).sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((sum, b) => sum + b.tickets, 0);
  if (total === 0) return null;
  const rank = q * total;
  let below = 0;
  for (const { bucket, tickets } of sorted) {
    if (below + tickets >= rank) {
      const start = bucketStartHours(bucket);
      const end = bucketStartHours(bucket + 1);
      return start + ((rank - below) / tickets) * (end - start);
    }
    below += tickets;
  }
  return bucketStartHours((sorted.at(-1)?.bucket ?? 0) + 1);
}

/**
 * SQL twin of `quantileFromBuckets`: from `relation` with columns `groupColumns`, `handling_bucket` and `tickets`,
 * one row per group with `tickets` (the closed tickets measured) and `quantile_hours`, interpolated inside its bucket
 * exactly as the JavaScript does. A trend with thousands of period × series groups then crosses into JavaScript as
 * one row per group instead of one per bucket (tested against quantileFromBuckets in handling-time.test.ts).
 */
export function quantileFromBucketsSql(relation: string, groupColumns: readonly string[], q: number): string {
  if (!(q > 0 && q < 1)) throw new Error(`a quantile between 0 and 1, not ${q}`);
  const groups = groupColumns.join(', ');
  const start = `(exp(handling_bucket / ${BUCKETS_PER_E}.0) - 1)`;
  const end = `(exp((handling_bucket + 1) / ${BUCKETS_PER_E}.0) - 1)`;
  const rank = `${q} * total`;
  return `SELECT ${groups}, max(total)::DOUBLE AS tickets,
       arg_min(${start} + ((${rank} - (upto - tickets)) / tickets) * (${end} - ${start}), handling_bucket)
         FILTER (WHERE upto >= ${rank}) AS quantile_hours
     FROM (SELECT *, sum(tickets) OVER (PARTITION BY ${groups} ORDER BY handling_bucket
                                        ROWS UNBOUNDED PRECEDING) AS upto,
                  sum(tickets) OVER (PARTITION BY ${groups}) AS total
           FROM ${relation} WHERE handling_bucket IS NOT NULL AND tickets > 0)
     GROUP BY ${groups}`;
}
