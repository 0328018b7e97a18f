const U64 = (1n << 64n) - 1n;
const RESOLUTION_SHIFT = 52n;
const RESOLUTION_MASK = 0xfn << RESOLUTION_SHIFT;

function assertResolution(res: number): void {
  if (!Number.isInteger(res) || res < 0 || res > 15)
    throw new RangeError(`H3 resolution must be 0–15, got ${res}`);
}

/**
 * SQL for the parent at `res` of the UBIGINT H3 cell `cellExpr` (h3-js `cellToParent`), by bit operations alone:
 * the resolution field (bits 52–55) is set to `res` and the 3-bit digits below `res` are filled with 7 (unused).
 * NULL when the cell is NULL or coarser than `res`. `cellExpr` is SQL text from the caller, never user input.
 */
export function h3ParentSql(cellExpr: string, res: number): string {
  assertResolution(res);
  const unusedDigits = (1n << BigInt(45 - 3 * res)) - 1n;
  const keep = U64 & ~RESOLUTION_MASK & ~unusedDigits;
  const set = (BigInt(res) << RESOLUTION_SHIFT) | unusedDigits;
  const cell = `(${cellExpr})::UBIGINT`;
  return `(CASE WHEN ((${cell} >> 52) & 15) >= ${res} THEN (${cell} & ${keep}::UBIGINT) | ${set}::UBIGINT END)`;
}

/** SQL for the h3-js string form (lower-case hex, no leading zeros) of the UBIGINT H3 cell `cellExpr`. */
export function h3ToStringSql(cellExpr: string): string {
  return `lower(hex((${cellExpr})::UBIGINT))`;
}
