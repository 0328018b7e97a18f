import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Raises a DuckDB instance's threads while a query that scans the tickets runs, and lowers them again after the
 * last one. The dashboard's many small rollup queries are cheapest on one thread (lib/db/read-only-warehouse.ts),
 * but a lone reader's text search or street-zoom map over years reads millions of tickets and is twice as fast
 * with every core (docs/etl.md, "Performance"). DuckDB's thread count is the instance's, not a query's; it can be
 * changed while queries run, so it is raised for as long as a scan is running (queries running beside it may use
 * the extra workers too). Only when cores are idle, though: raised under load, the extra workers cost the many
 * small queries more than they gave the scans (bench:load, 50 readers: 300–360 requests/s against 336–375).
 *
 * The settings go through a connection of their own, one after another, so a raise and a lowering never cross.
 */
export class ScanThreads {
  private scans = 0;
  private settled: Promise<void> = Promise.resolve();

  constructor(
    private readonly control: DuckDBConnection,
    private readonly threads: { usual: number; scanning: number },
    /** Whether cores are idle when a scan starts (few queries running). */
    private readonly coresIdle: () => boolean,
  ) {}

  /** Whether `sql` reads the tickets table (every ticket, where the rollups hold sums). */
  static scansTickets(sql: string): boolean {
    return /\b(?:FROM|JOIN)\s+tickets\b/i.test(sql);
  }

  /** Runs `query` with the scanning threads when `sql` scans the tickets, else as it is. */
  async around<T>(sql: string, query: () => Promise<T>): Promise<T> {
    if (this.threads.scanning === this.threads.usual || !ScanThreads.scansTickets(sql)) return query();
    // A scan that starts under load runs as the small queries do, unless another scan has raised the threads.
    if (this.scans === 0 && !this.coresIdle()) return query();
    if (this.scans++ === 0) this.set(this.threads.scanning);
    await this.settled;
    try {
      return await query();
    } finally {
      if (--this.scans === 0) this.set(this.threads.usual);
    }
  }

  /** Resolves once every setting asked for has been applied (before the instance is closed). */
  idle(): Promise<void> {
    return this.settled;
  }

  private set(threads: number): void {
    this.settled = this.settled
      .then(() => this.control.run(`SET threads = ${Math.trunc(threads)}`))
      .then(
        () => undefined,
        // A failed setting leaves the instance at its last thread count: slower or dearer, never wrong.
        () => undefined,
      );
  }
}
