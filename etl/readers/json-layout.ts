import { createReadStream } from 'node:fs';

/** Where a JSON file keeps its records. */
export type JsonLayout =
  | { kind: 'records' }
  | { kind: 'wrapped'; member: string; start: number; end: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/**
 * Finds how a JSON file holds its records with one streamed byte scan (no parsing, nothing kept but offsets):
 * `records` for a top-level array or NDJSON (or a single object), `wrapped` when the file is one object with a
 * member holding an array of objects; the longest such array wins, given as the member name and the byte range
 * [start, end] of the array text. DuckDB reads a wrapped file's array far faster once it is a file of its own.
 */
export async function findJsonLayout(filePath: string): Promise<JsonLayout> {
  let depth = 0;
  let offset = 0;
  let inString = false;
  let escaped = false;
  let topLevelValues = 0;
  let stringStart = -1;
  let lastString: number[] = [];
  let key = '';
  let open: { member: string; start: number; firstElement: number } | null = null;
  let best: { member: string; start: number; end: number } | null = null;

  for await (const chunk of createReadStream(filePath, {
    highWaterMark: 1024 * 1024,
  }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i += 1, offset += 1) {
      const byte = chunk[i]!;
      if (inString) {
        if (depth === 1) lastString.push(byte);
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) inString = false;
        continue;
      }
      if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
      if (depth === 0 && topLevelValues > 0) return { kind: 'records' }; // a second top-level value: NDJSON
      if (open && open.firstElement === 0 && depth === 2) open.firstElement = byte;
      if (byte === QUOTE) {
        inString = true;
        if (depth === 1) {
          stringStart = offset;
          lastString = [byte];
        }
      } else if (byte === COLON && depth === 1 && stringStart >= 0) {
        key = JSON.parse(Buffer.from(lastString).toString('utf8')) as string;
      } else if (byte === 0x7b || byte === 0x5b) {
        if (depth === 0 && byte === 0x5b) return { kind: 'records' };
        if (depth === 1 && byte === 0x5b) open = { member: key, start: offset, firstElement: 0 };
        depth += 1;
      } else if (byte === 0x7d || byte === 0x5d) {
        depth -= 1;
        if (depth === 1 && open && byte === 0x5d) {
          const span = { member: open.member, start: open.start, end: offset };
          if (open.firstElement === 0x7b && (!best || span.end - span.start > best.end - best.start))
            best = span;
          open = null;
        }
        if (depth === 0) topLevelValues += 1;
      }
    }
  }
  return best ? { kind: 'wrapped', ...best } : { kind: 'records' };
}
