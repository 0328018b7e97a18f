import { sparklinePath } from '@/lib/charts/map-sparkline';

/** Counts by month as a small line, with the numbers in its title for hover and screen readers. */
export function Sparkline({
  values,
  highlight,
  label,
  width = 300,
  height = 48,
}: {
  values: number[];
  /** Steps drawn as red dots (months that were significantly hot). */
  highlight?: boolean[];
  label: string;
  width?: number;
  height?: number;
}) {
  const { path, points } = sparklinePath(values, width, height, 4);
  return (
    <svg
      className="map-sparkline"
      width={width}
      height={height}
      role="img"
      aria-label={label}
      data-testid="sparkline"
    >
      <title>{label}</title>
      <path d={path} fill="none" stroke="#2563eb" strokeWidth={1.5} />
      {points.map((p, i) =>
        highlight?.[i] ? <circle key={`${p.x}`} cx={p.x} cy={p.y} r={2.5} fill="#dc2626" /> : null,
      )}
    </svg>
  );
}
