/** The time steps a trend can be drawn in. */
export const TIME_GRAINS = ['day', 'week', 'month'] as const;
export type TimeGrain = (typeof TIME_GRAINS)[number];

/**
 * The first day of the grain period holding `dayColumn`, as YYYY-MM-DD text (weeks start on Monday, ISO 8601).
 * `grain` comes from the allow-list above, so it is safe as SQL text.
 */
export function periodStartSql(grain: TimeGrain, dayColumn: string): string {
  return `strftime(date_trunc('${grain}', ${dayColumn}), '%Y-%m-%d')`;
}

/**
 * How far back "last year" is for a grain: 364 days for days and weeks, so Mondays line up with Mondays, and a
 * calendar year for months.
 */
export function lastYearShiftSql(grain: TimeGrain): string {
  return grain === 'month' ? 'INTERVAL 1 YEAR' : 'INTERVAL 364 DAY';
}

/** Every period start from `from` to `to` (YYYY-MM-DD), so gaps with no tickets show as zero, not as a jump. */
export function periodStarts(grain: TimeGrain, from: string, to: string): string[] {
  const start = new Date(`${from}T00:00:00Z`);
  if (grain === 'week') start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  if (grain === 'month') start.setUTCDate(1);
  const end = new Date(`${to}T00:00:00Z`);
  const out: string[] = [];
  for (const d = start; d <= end; ) {
    out.push(d.toISOString().slice(0, 10));
    if (grain === 'day') d.setUTCDate(d.getUTCDate() + 1);
    else if (grain === 'week') d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

/** The last day of the period of `grain` starting on `start` (for drill-down links from a chart point). */
export function periodEnd(grain: TimeGrain, start: string): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (grain === 'week') d.setUTCDate(d.getUTCDate() + 6);
  if (grain === 'month') d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return d.toISOString().slice(0, 10);
}
