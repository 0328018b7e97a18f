import { isUtf8 } from 'node:buffer';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import type { CsvEncoding } from './staged-file';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** How much of a file the encoding guess reads; a later invalid byte is caught by DuckDB and triggers a retry. */
export const ENCODING_SAMPLE_BYTES = 8 * 1024 * 1024;

/**
 * Guesses a CSV file's encoding from its first bytes: a UTF-8 BOM means `utf-8-bom`; a sample that is valid UTF-8
 * means `utf-8`; anything else is read as GB18030, which covers GBK and GB2312.
 */
export async function detectEncoding(
  filePath: string,
  sampleBytes = ENCODING_SAMPLE_BYTES,
): Promise<CsvEncoding> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(sampleBytes);
    const { bytesRead } = await handle.read(buffer, 0, sampleBytes, 0);
    const sample = buffer.subarray(0, bytesRead);
    if (sample.subarray(0, 3).equals(UTF8_BOM)) return 'utf-8-bom';
    const complete = bytesRead < sampleBytes ? sample : sample.subarray(0, completeUtf8Length(sample));
    return isUtf8(complete) ? 'utf-8' : 'gb18030';
  } finally {
    await handle.close();
  }
}

/** Length of `bytes` without a multi-byte UTF-8 sequence cut off at its end (so a sample boundary is not an error). */
function completeUtf8Length(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back += 1) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** Streams a GB18030 (or GBK) file into a UTF-8 copy at `targetPath`, never holding the whole file in memory. */
export async function transcodeToUtf8(sourcePath: string, targetPath: string): Promise<void> {
  await pipeline(
    createReadStream(sourcePath, { highWaterMark: 1024 * 1024 }),
    iconv.decodeStream('gb18030'),
    iconv.encodeStream('utf-8'),
    createWriteStream(targetPath),
  );
}
