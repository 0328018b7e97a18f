import { queryRows } from '../../../lib/db/connection';
import { parseCommandArgs } from '../args';
import { formatTable } from '../table';
import { openPublished } from './open-published';

interface RejectedRow {
  file_name: string;
  row_number: number;
  column_name: string | null;
  reason: string;
  raw_values: string | null;
}

/** Lists rejected rows (personal data already removed at load), optionally for one file. */
export async function rejectedCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    file: { type: 'string' },
    limit: { type: 'string' },
    raw: { type: 'boolean' },
  });
  const limit = Number(values.limit ?? 100);
  if (!Number.isInteger(limit) || limit < 1) throw new Error('--limit takes a positive whole number');
  const warehouse = await openPublished(values.db);
  try {
    const rows = await queryRows<RejectedRow>(
      warehouse.connection,
      `SELECT file_name, row_number, column_name, reason, raw_values FROM rejected_rows
       WHERE $file IS NULL OR file_name = $file OR file_name = regexp_extract($file, '[^/]+$')
       ORDER BY load_id, row_number LIMIT $limit`,
      { file: values.file ?? null, limit },
    );
    const [total] = await queryRows<{ n: number }>(
      warehouse.connection,
      `SELECT count(*)::INTEGER AS n FROM rejected_rows
       WHERE $file IS NULL OR file_name = $file OR file_name = regexp_extract($file, '[^/]+$')`,
      { file: values.file ?? null },
    );
    process.stdout.write(
      `${formatTable(
        ['file', 'row', 'column', 'reason', ...(values.raw ? ['values as read'] : [])],
        rows.map((r) => [
          r.file_name,
          r.row_number,
          r.column_name,
          r.reason,
          ...(values.raw ? [r.raw_values] : []),
        ]),
      )}\n`,
    );
    process.stdout.write(`\n${rows.length} of ${total?.n ?? 0} rejected rows shown\n`);
  } finally {
    warehouse.close();
  }
  return 0;
}
