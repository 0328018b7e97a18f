import { createWriteStream, type WriteStream } from 'node:fs';
import iconv from 'iconv-lite';
import { csvField } from './format';

/**
 * A streaming CSV writer: rows are buffered, encoded (UTF-8 or GBK via iconv-lite) and written in ~256 KB chunks,
 * waiting for the stream to drain so memory stays flat however many rows are written. Returns row numbers with the
 * header as row 1.
 */
export class CsvFile {
  private readonly out: WriteStream;
  private buffer: string[] = [];
  private buffered = 0;
  private rows = 0;

  constructor(
    readonly path: string,
    headers: readonly string[],
    private readonly encoding: 'utf8' | 'gbk',
    private readonly eol: '\n' | '\r\n',
  ) {
    this.out = createWriteStream(path);
    this.push(headers);
  }

  private push(values: readonly (string | number | null)[]): number {
    const line = values.map(csvField).join(',') + this.eol;
    this.buffer.push(line);
    this.buffered += line.length;
    this.rows++;
    return this.rows;
  }

  /** Appends a row; resolves with its row number once the buffer has room. */
  async write(values: readonly (string | number | null)[]): Promise<number> {
    const row = this.push(values);
    if (this.buffered > 1 << 18) await this.flush();
    return row;
  }

  private async flush(): Promise<void> {
    const text = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    const bytes = this.encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
    if (!this.out.write(bytes)) await new Promise<void>((resolve) => this.out.once('drain', () => resolve()));
  }

  /** Flushes and closes; resolves with the number of data rows written. */
  async close(): Promise<number> {
    await this.flush();
    await new Promise<void>((resolve, reject) =>
      this.out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
    return this.rows - 1;
  }
}
