import { sparkline } from '@/lib/charts/planning-sparkline';
import type { Filters } from '@/lib/filters/filters';

/** A candidate's appeals per month over the range as a small line (the largest month at the top). */
export function CandidateSparkline({
  timeline,
  range,
  width = 120,
  height = 28,
}: {
  timeline: { month: string; tickets: number }[];
  range: Pick<Filters, 'from' | 'to'>;
  width?: number;
  height?: number;
}) {
  const line = sparkline(timeline, range, { width, height });
  return (
    <svg
      className="sparkline"
      width={width}
      height={height + 2}
      viewBox={`0 -1 ${width} ${height + 2}`}
      role="img"
      aria-label={line.months.map((m, i) => `${m}: ${line.values[i]}`).join(', ')}
    >
      <polyline points={line.points} fill="none" stroke="currentColor" strokeWidth={1.5} />
    </svg>
  );
}
