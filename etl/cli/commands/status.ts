import { queryRows } from '../../../lib/db/connection';
import { parseCommandArgs } from '../args';
import { formatTable } from '../table';
import { openPublished } from './open-published';

interface FileRow {
  load_id: number;
  file_name: string;
  layout: string | null;
  status: string;
  rows_read: number;
  rows_loaded: number;
  rows_updated: number;
  rows_unchanged: number;
  rows_rejected: number;
  coords_out_of_area: number;
  span: string | null;
  message: string | null;
}

interface ChannelRow {
  channel: string;
  tickets: number;
  first: string;
  last: string;
}

/** Prints the load log per file and the tickets per channel with their date span. */
export async function statusCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { db: { type: 'string' } });
  const warehouse = await openPublished(values.db);
  try {
    const files = await queryRows<FileRow>(
      warehouse.connection,
      `SELECT load_id, file_name, layout, status, rows_read, rows_loaded, rows_updated, rows_unchanged, rows_rejected,
              coords_out_of_area,
              strftime(first_received, '%Y-%m-%d') || ' – ' || strftime(last_received, '%Y-%m-%d') AS span, message
       FROM load_log ORDER BY load_id`,
    );
    const channels = await queryRows<ChannelRow>(
      warehouse.connection,
      `SELECT channel, count(*)::INTEGER AS tickets, strftime(min(received_at), '%Y-%m-%d') AS first,
              strftime(max(received_at), '%Y-%m-%d') AS last
       FROM tickets GROUP BY channel ORDER BY tickets DESC`,
    );
    process.stdout.write('Files\n');
    process.stdout.write(
      `${formatTable(
        [
          '#',
          'file',
          'layout',
          'status',
          'read',
          'loaded',
          'updated',
          'unchanged',
          'rejected',
          'out of area',
          'received',
        ],
        files.map((f) => [
          f.load_id,
          f.file_name,
          f.layout,
          f.status === 'failed' ? `failed: ${(f.message ?? '').slice(0, 60)}…` : f.status,
          f.rows_read,
          f.rows_loaded,
          f.rows_updated,
          f.rows_unchanged,
          f.rows_rejected,
          f.coords_out_of_area,
          f.span,
        ]),
      )}\n\nChannels\n`,
    );
    process.stdout.write(
      `${formatTable(
        ['channel', 'tickets', 'first received', 'last received'],
        channels.map((c) => [c.channel, c.tickets, c.first, c.last]),
      )}\n`,
    );
    const total = channels.reduce((sum, c) => sum + c.tickets, 0);
    process.stdout.write(`\n${total.toLocaleString('en-US')} tickets in all\n`);
  } finally {
    warehouse.close();
  }
  return 0;
}
