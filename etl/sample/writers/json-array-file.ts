import { createWriteStream, type WriteStream } from 'node:fs';

/**
 * Writes a JSON array one element at a time (one element per line), so arrays of millions of records never sit in
 * memory. Element numbers start at 1.
 */
export class JsonArrayFile {
  private readonly out: WriteStream;
  private count = 0;
  private buffer: string[] = [];
  private buffered = 0;

  constructor(readonly path: string) {
    this.out = createWriteStream(path);
    this.buffer.push('[');
  }

  /** Appends one element; resolves with its 1-based position once the buffer has room. */
  async write(value: unknown): Promise<number> {
    const text = `${this.count === 0 ? '\n' : ',\n'}${JSON.stringify(value)}`;
    this.buffer.push(text);
    this.buffered += text.length;
    this.count++;
    if (this.buffered > 1 << 18) await this.flush();
    return this.count;
  }

  private async flush(): Promise<void> {
    const text = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    if (!this.out.write(text)) await new Promise<void>((resolve) => this.out.once('drain', () => resolve()));
  }

  /** Closes the array and the file; resolves with the element count. */
  async close(): Promise<number> {
    this.buffer.push('\n]\n');
    await this.flush();
    await new Promise<void>((resolve, reject) =>
      this.out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
    return this.count;
  }
}
