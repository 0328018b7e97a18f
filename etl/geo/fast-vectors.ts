import type { DuckDBVector } from '@duckdb/node-api';

/**
 * Bulk access to the flat storage of DuckDB vectors inside scalar UDFs. @duckdb/node-api's getItem/setItem test
 * and set validity with BigInt arithmetic per item, which on a 1M-row load cost more than the geo work itself;
 * these helpers read the same backing arrays (`items`, `validity.data`) with 32-bit bit operations instead.
 * They rely on the vector classes of @duckdb/node-api 1.5 and fall back to getItem/setItem when the shape differs.
 */
interface FlatVector<T> {
  items?: T;
  validity?: { data: BigUint64Array | null; offset: number };
}

/** The values of a DOUBLE vector, NULL as NaN. */
export function readDoubles(vector: DuckDBVector, n: number): Float64Array {
  const flat = vector as unknown as FlatVector<Float64Array>;
  const out = new Float64Array(n);
  if (flat.items instanceof Float64Array && flat.validity && flat.validity.offset === 0) {
    out.set(flat.items.subarray(0, n));
    const data = flat.validity.data;
    if (data) {
      const words = new Uint32Array(data.buffer, data.byteOffset, data.length * 2);
      for (let i = 0; i < n; i++) if (((words[i >>> 5]! >>> (i & 31)) & 1) === 0) out[i] = Number.NaN;
    }
    return out;
  }
  for (let i = 0; i < n; i++) out[i] = (vector.getItem(i) as number | null) ?? Number.NaN;
  return out;
}

/** A validity mask being built for an output vector: all valid until `setNull`. */
export class NullMask {
  private words: Uint32Array | null = null;
  constructor(private readonly n: number) {}
  setNull(i: number): void {
    if (!this.words) this.words = new Uint32Array(Math.ceil(this.n / 64) * 2).fill(0xffffffff);
    this.words[i >>> 5]! &= ~(1 << (i & 31));
  }
  isNull(i: number): boolean {
    return this.words !== null && ((this.words[i >>> 5]! >>> (i & 31)) & 1) === 0;
  }
  /** Writes the mask into `vector`'s validity (the vector's flush then copies it to DuckDB). */
  applyTo(vector: DuckDBVector): void {
    const flat = vector as unknown as FlatVector<unknown>;
    if (!this.words) {
      // Items written straight into `items` never passed setItemValid: clear any mask DuckDB handed us.
      flat.validity?.data?.fill(0xffffffffffffffffn);
      return;
    }
    if (flat.validity && flat.validity.offset === 0) {
      flat.validity.data = new BigUint64Array(this.words.buffer, 0, this.words.length / 2);
      return;
    }
    for (let i = 0; i < this.n; i++) if (this.isNull(i)) vector.setItem(i, null);
  }
}

/** Writes DOUBLE values (positions set in `mask` become NULL) and flushes. */
export function writeDoubles(vector: DuckDBVector, values: Float64Array, mask: NullMask): void {
  const flat = vector as unknown as FlatVector<Float64Array>;
  if (flat.items instanceof Float64Array && flat.validity && flat.validity.offset === 0) {
    flat.items.set(values.subarray(0, flat.items.length));
    mask.applyTo(vector);
  } else {
    for (let i = 0; i < values.length; i++) vector.setItem(i, mask.isNull(i) ? null : values[i]!);
  }
  vector.flush();
}

/** Writes INTEGER values (positions set in `mask` become NULL) and flushes. */
export function writeInt32s(vector: DuckDBVector, values: Int32Array, mask: NullMask): void {
  const flat = vector as unknown as FlatVector<Int32Array>;
  if (flat.items instanceof Int32Array && flat.validity && flat.validity.offset === 0) {
    flat.items.set(values.subarray(0, flat.items.length));
    mask.applyTo(vector);
  } else {
    for (let i = 0; i < values.length; i++) vector.setItem(i, mask.isNull(i) ? null : values[i]!);
  }
  vector.flush();
}

/** Writes UBIGINT values given as 32-bit halves (positions set in `mask` become NULL) and flushes. */
export function writeUint64Halves(
  vector: DuckDBVector,
  high: Uint32Array,
  low: Uint32Array,
  mask: NullMask,
): void {
  const flat = vector as unknown as FlatVector<BigUint64Array>;
  const n = high.length;
  if (flat.items instanceof BigUint64Array && flat.validity && flat.validity.offset === 0) {
    const words = new Uint32Array(flat.items.buffer, flat.items.byteOffset, flat.items.length * 2);
    for (let i = 0; i < n; i++) {
      words[i * 2] = low[i]!;
      words[i * 2 + 1] = high[i]!;
    }
    mask.applyTo(vector);
  } else {
    for (let i = 0; i < n; i++)
      vector.setItem(i, mask.isNull(i) ? null : (BigInt(high[i]!) << 32n) | BigInt(low[i]!));
  }
  vector.flush();
}
