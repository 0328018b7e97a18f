import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../db/connection';
import { bucketStartHours, quantileFromBuckets, quantileFromBucketsSql } from './handling-time';

/** The bucket SQL, in JavaScript, to test the estimate without a database. */
const bucketOf = (hours: number) => Math.floor(Math.log1p(hours) * 8);

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  return (
    (sorted[low] as number) +
    ((sorted[low + 1] ?? (sorted[low] as number)) - (sorted[low] as number)) * (position - low)
  );
}

describe('handling-time quantiles from log-scale buckets', () => {
  it('puts every time inside its bucket', () => {
    for (const hours of [0, 0.05, 1, 23.9, 24, 72, 500, 4000]) {
      const bucket = bucketOf(hours);
      expect(bucketStartHours(bucket)).toBeLessThanOrEqual(hours + 1e-9);
      expect(bucketStartHours(bucket + 1)).toBeGreaterThan(hours);
    }
  });

  it('estimates medians and p90s of realistic handling times within 3%', () => {
    const random = seeded(7);
    for (const median of [4, 30, 72, 200]) {
      // Log-normal handling times around the median (Box–Muller).
      const hours = Array.from({ length: 5000 }, () => {
        const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
        return median * Math.exp(0.9 * z);
      });
      const counts = new Map<number, number>();
      for (const h of hours) counts.set(bucketOf(h), (counts.get(bucketOf(h)) ?? 0) + 1);
      const buckets = [...counts].map(([bucket, tickets]) => ({ bucket, tickets }));
      for (const q of [0.5, 0.9]) {
        const estimate = quantileFromBuckets(buckets, q) as number;
        expect(Math.abs(estimate - exactQuantile(hours, q)) / exactQuantile(hours, q)).toBeLessThan(0.03);
      }
    }
  });

  it('has no quantile without closed tickets', () => {
    expect(quantileFromBuckets([], 0.5)).toBeNull();
    expect(quantileFromBuckets([{ bucket: 3, tickets: 0 }], 0.5)).toBeNull();
  });

  it('gives the same quantiles in SQL as in JavaScript, group by group', async () => {
    const random = seeded(11);
    const groups = Array.from({ length: 40 }, (_, g) => ({
      g,
      buckets: Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => ({
        bucket: i * 3 + Math.floor(random() * 3),
        tickets: Math.floor(random() * 50),
      })),
    }));
    const values = groups.flatMap(({ g, buckets }) =>
      buckets.map((b) => `(${g}, ${b.bucket}, ${b.tickets})`),
    );
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      for (const q of [0.5, 0.9]) {
        const rows = await queryRows<{ g: number; tickets: number; quantile_hours: number | null }>(
          connection,
          `WITH b(g, handling_bucket, tickets) AS (VALUES ${values.join(', ')}, (99, NULL, 5), (98, 4, 0))
           ${quantileFromBucketsSql('b', ['g'], q)} ORDER BY g`,
        );
        const expected = groups
          .map(({ g, buckets }) => ({
            g,
            tickets: buckets.reduce((sum, b) => sum + b.tickets, 0),
            quantile: quantileFromBuckets(buckets, q),
          }))
          .filter((e) => e.tickets > 0);
        // Groups with no closed ticket (99: no bucket, 98: none counted) have no row.
        expect(rows.map((r) => r.g)).toEqual(expected.map((e) => e.g));
        for (const [i, e] of expected.entries()) {
          expect(rows[i]!.tickets).toBe(e.tickets);
          expect(rows[i]!.quantile_hours).toBeCloseTo(e.quantile as number, 9);
        }
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
