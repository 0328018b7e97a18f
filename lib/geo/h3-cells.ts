import { latLngToCell } from 'h3-js';

/** The H3 resolutions stored on every ticket (columns h3_r6, h3_r8, h3_r10); coarser ones are derived in SQL. */
export const STORED_H3_RESOLUTIONS = [6, 8, 10] as const;

/** An H3 index as h3-js writes it (lower-case hex) → the UBIGINT value DuckDB stores. */
export function h3ToBigInt(cell: string): bigint {
  return BigInt(`0x${cell}`);
}

/** A stored UBIGINT cell → the h3-js string form. */
export function bigIntToH3(cell: bigint): string {
  return cell.toString(16);
}

/**
 * The cell containing a WGS-84 point at `res`, as a UBIGINT value; null for missing or out-of-range input
 * (non-finite numbers, |lat| > 90, |lon| > 180, res outside 0–15).
 */
export function cellAt(lat: number | null, lon: number | null, res: number | null): bigint | null {
  if (lat === null || lon === null || res === null) return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return null;
  if (!Number.isInteger(res) || res < 0 || res > 15) return null;
  return h3ToBigInt(latLngToCell(lat, lon, res));
}
