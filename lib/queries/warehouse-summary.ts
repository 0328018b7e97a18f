import { readRows } from '../db/read-only-warehouse';

/** Tickets per channel with their date span: the first thing a user checks after loading. */
export interface ChannelSummaryRow {
  channel: string;
  tickets: number;
  firstReceived: string;
  lastReceived: string;
}

export interface LoadSummaryRow {
  fileName: string;
  status: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
}

export async function fetchChannelSummary(): Promise<ChannelSummaryRow[]> {
  return readRows<ChannelSummaryRow>(
    `SELECT channel, count(*)::INTEGER AS tickets,
            strftime(min(received_at), '%Y-%m-%d') AS "firstReceived",
            strftime(max(received_at), '%Y-%m-%d') AS "lastReceived"
     FROM tickets GROUP BY channel ORDER BY tickets DESC`,
  );
}

export async function fetchLoadSummary(): Promise<LoadSummaryRow[]> {
  return readRows<LoadSummaryRow>(
    `SELECT file_name AS "fileName", status, rows_read AS "rowsRead", rows_loaded AS "rowsLoaded",
            rows_rejected AS "rowsRejected"
     FROM load_log ORDER BY load_id DESC LIMIT 20`,
  );
}
