/**
 * The SVG path of a sparkline: values spread evenly across `width`, scaled from zero to the maximum within
 * `height` less `pad` at top and bottom. One value is drawn as a flat line.
 */
export function sparklinePath(
  values: readonly number[],
  width: number,
  height: number,
  pad = 2,
): { path: string; points: { x: number; y: number }[] } {
  if (values.length === 0) return { path: '', points: [] };
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const points = values.map((v, i) => ({
    x: Number((pad + i * step).toFixed(1)),
    y: Number((height - pad - (Math.max(0, v) / max) * (height - 2 * pad)).toFixed(1)),
  }));
  if (points.length === 1) {
    const only = points[0] as { x: number; y: number };
    return { path: `M${pad},${only.y}H${width - pad}`, points };
  }
  return { path: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(''), points };
}
