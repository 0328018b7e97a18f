import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { execute } from '../../../lib/db/connection';
import { sqlString } from '../../../lib/sql/quote';
import { parseCommandArgs } from '../args';
import { openPublished } from './open-published';

/** Writes tickets as Parquet partitioned year=/month= for other engines (ClickHouse, Trino, Spark). */
export async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { db: { type: 'string' }, parquet: { type: 'string' } });
  if (!values.parquet) throw new Error('export: give --parquet <dir>');
  const target = path.resolve(values.parquet);
  mkdirSync(target, { recursive: true });
  const warehouse = await openPublished(values.db);
  try {
    await execute(
      warehouse.connection,
      `COPY (SELECT *, year(received_at) AS year, month(received_at) AS month FROM tickets)
       TO ${sqlString(target)} (FORMAT parquet, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE true, COMPRESSION zstd)`,
    );
  } finally {
    warehouse.close();
  }
  process.stdout.write(`tickets written to ${target}/year=YYYY/month=M/*.parquet\n`);
  return 0;
}
