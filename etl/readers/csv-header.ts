import { open } from 'node:fs/promises';

/** The header record of a CSV file and the field delimiter it uses. */
export interface CsvHeader {
  delimiter: string;
  cells: string[];
}

const DELIMITERS = [',', '\t', ';', '|'];
const HEADER_SAMPLE_BYTES = 1024 * 1024;

/**
 * Reads the header record of a UTF-8 CSV file (BOM skipped) and picks its delimiter: the candidate that occurs most
 * often outside quotes in the header (a one-column file falls back to comma). Returns null for a file that holds
 * nothing but whitespace.
 */
export async function readCsvHeader(utf8Path: string): Promise<CsvHeader | null> {
  const handle = await open(utf8Path, 'r');
  let text: string;
  try {
    const buffer = Buffer.alloc(HEADER_SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_SAMPLE_BYTES, 0);
    text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
  if (text.trim() === '') return null;
  const counts = DELIMITERS.map((delimiter) => splitRecord(text, delimiter).length);
  const best = Math.max(...counts);
  const delimiter = best > 1 ? DELIMITERS[counts.indexOf(best)]! : ',';
  return { delimiter, cells: splitRecord(text, delimiter) };
}

/** Splits the first RFC 4180 record of `text` (quotes doubled inside quoted fields) into its fields. */
export function splitRecord(text: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') cell += char;
      else if (text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') break;
    else cell += char;
  }
  cells.push(cell);
  return cells;
}
