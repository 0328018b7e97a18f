import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/**
 * Why a working copy: the dashboard holds the warehouse open read-only, and DuckDB's file lock then refuses any
 * writer. So the ETL copies the published file to `<db>.next`, writes there, and renames it over the published
 * file when done. The dashboard notices the new file and reopens (lib/db/read-only-warehouse.ts); readers of the
 * old file keep a consistent snapshot until then. A crash or kill at any point leaves the published file exactly as
 * it was; the next run discards the stale working copy. See etl/load/PUBLISHING.md.
 */
export interface WorkingCopy {
  /** Path the ETL writes. */
  workingPath: string;
  /** Renames the working copy over the published file (call after the writer is closed). */
  publish(): void;
  /** Removes the working copy and the lock without publishing. */
  abandon(): void;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes the ETL lock (one writer at a time) and prepares `<db>.next`. */
export function openWorkingCopy(databasePath: string): WorkingCopy {
  mkdirSync(path.dirname(databasePath), { recursive: true });
  const lockPath = `${databasePath}.lock`;
  if (existsSync(lockPath)) {
    const pid = Number(readFileSync(lockPath, 'utf8').trim());
    if (Number.isFinite(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) {
      throw new Error(
        `${databasePath} is being written by another ETL process (pid ${pid}); wait for it to finish`,
      );
    }
    rmSync(lockPath, { force: true });
  }
  writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
  const workingPath = `${databasePath}.next`;
  rmSync(workingPath, { force: true });
  rmSync(`${workingPath}.wal`, { force: true });
  if (existsSync(databasePath)) {
    copyFileSync(databasePath, workingPath);
    if (existsSync(`${databasePath}.wal`)) copyFileSync(`${databasePath}.wal`, `${workingPath}.wal`);
  }
  const release = () => rmSync(lockPath, { force: true });
  return {
    workingPath,
    publish() {
      const fd = openSync(workingPath, 'r');
      fsyncSync(fd);
      closeSync(fd);
      if (existsSync(`${workingPath}.wal`))
        throw new Error('working copy still has a WAL: close the writer first');
      renameSync(workingPath, databasePath);
      rmSync(`${databasePath}.wal`, { force: true });
      release();
    },
    abandon() {
      rmSync(workingPath, { force: true });
      rmSync(`${workingPath}.wal`, { force: true });
      release();
    },
  };
}
