import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The application database: an append-only JSON-lines event log (decision and alternatives: APPDB.md). Every
 * event is one line written with one `write` on an `O_APPEND` descriptor, so concurrent writers in any process never
 * overwrite each other.
 */

/** One stored event: who did what to which thing, when. */
export interface AppEvent<P = unknown> {
  id: string;
  /** ISO 8601 UTC. */
  at: string;
  /** e.g. `planning.status` */
  type: string;
  /** Who did it (a user name once issue 11 adds users; `anonymous` until then). */
  actor: string;
  /** What it is about, e.g. a candidate's issue id. */
  subject: string;
  payload: P;
}

/** Lines longer than this are refused: a small line is one write, so appends from several processes stay whole. */
export const MAX_EVENT_BYTES = 4096;

export class AppDbError extends Error {}

/** Appends one event and returns it as stored. */
export async function appendEvent<P>(
  file: string,
  event: Pick<AppEvent<P>, 'type' | 'actor' | 'subject' | 'payload'>,
  now: Date = new Date(),
): Promise<AppEvent<P>> {
  const stored: AppEvent<P> = { id: randomUUID(), at: now.toISOString(), ...event };
  const line = Buffer.from(`${JSON.stringify(stored)}\n`, 'utf8');
  if (line.length > MAX_EVENT_BYTES) throw new AppDbError(`event too large: ${line.length} bytes`);
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, 'a', 0o600);
  try {
    const { bytesWritten } = await handle.write(line, 0, line.length, null);
    // A short write would leave a torn line; on local filesystems small O_APPEND writes are never short.
    if (bytesWritten !== line.length) throw new AppDbError('short write to the application database');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return stored;
}

/** Every event in the order written; a missing file is an empty log. Unparsable lines are counted, not thrown. */
export async function readEvents(file: string): Promise<{ events: AppEvent[]; skipped: number }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], skipped: 0 };
    throw error;
  }
  const events: AppEvent[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      events.push(JSON.parse(line) as AppEvent);
    } catch {
      skipped++;
    }
  }
  return { events, skipped };
}
