import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { type FileFormat, ReaderError } from './staged-file';

const BY_EXTENSION: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.json': 'json',
  '.ndjson': 'json',
  '.jsonl': 'json',
  '.parquet': 'parquet',
  '.pq': 'parquet',
};

/**
 * The format of an export: by its extension when known, otherwise by its first bytes (Parquet magic `PAR1`, a
 * ZIP header for XLSX, `[` or `{` for JSON, anything else CSV). Rejects a missing file, an empty one and the old
 * binary `.xls`, which has no streaming reader here.
 */
export async function detectFormat(filePath: string): Promise<FileFormat> {
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) throw new ReaderError(filePath, 'file not found');
  if (info.size === 0) throw new ReaderError(filePath, 'file is empty');
  const extension = extname(filePath).toLowerCase();
  if (extension === '.xls')
    throw new ReaderError(filePath, 'old binary .xls is not supported; save it as .xlsx');
  return BY_EXTENSION[extension] ?? sniffFormat(filePath);
}

async function sniffFormat(filePath: string): Promise<FileFormat> {
  const handle = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if (bytes.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
    if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
    const firstChar = bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()[0];
    return firstChar === '[' || firstChar === '{' ? 'json' : 'csv';
  } finally {
    await handle.close();
  }
}
