const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `2024/3/5 8:01:09`: how 12345 systems export times (no zero padding of month, day and hour). */
export function hotlineTime(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${d.getUTCHours()}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `2024-03-05 08:01:09`: the web board's time format. */
export function webTime(ms: number | null): string {
  if (ms === null) return '';
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** ISO 8601 with the +08:00 offset (Open311). */
export function isoTime(ms: number | null): string | null {
  if (ms === null) return null;
  return `${new Date(ms).toISOString().slice(0, 19)}+08:00`;
}

/** `YYYYMMDD` of a wall-clock time, for ids. */
export function compactDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
}

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A coordinate with 6 decimals (about 0.1 m). */
export function coord(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
