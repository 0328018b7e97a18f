/**
 * Progress of a load: on a terminal a live line with a bar over the stages, rows and rows/s; elsewhere (CI, logs)
 * nothing until the one summary line per file.
 */
const STAGES = ['hash', 'read', 'validate', 'reject', 'normalise'];

export interface Progress {
  stage(file: string, stage: string, rows: number): void;
  done(line: string): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = stream.isTTY === true;
  let started = Date.now();
  let currentFile = '';
  let timer: NodeJS.Timeout | undefined;
  let last = { stage: '', rows: 0 };
  const render = () => {
    const index = Math.max(0, STAGES.indexOf(last.stage));
    const width = 20;
    const filled = Math.round(((index + 0.5) / STAGES.length) * width);
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 && last.rows > 0 ? Math.round(last.rows / seconds).toLocaleString('en-US') : '…';
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    stream.write(
      `\r\x1b[K${bar} ${currentFile}  ${last.stage}  ${last.rows.toLocaleString('en-US')} rows  ${rate} rows/s  ${seconds.toFixed(1)}s`,
    );
  };
  return {
    stage(file, stage, rows) {
      if (file !== currentFile) {
        currentFile = file;
        started = Date.now();
      }
      last = { stage, rows };
      if (!live) return;
      render();
      if (!timer) timer = setInterval(render, 250);
    },
    done(line) {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (live) stream.write('\r\x1b[K');
      process.stdout.write(`${line}\n`);
    },
  };
}
