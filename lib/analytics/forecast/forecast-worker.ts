import { parentPort } from 'node:worker_threads';
import { forecastSeries, type SeriesHistory } from './forecast-series';

/** A worker of the forecast pool (forecast-pool.ts): fits and backtests the batches it is sent. */
parentPort?.on('message', (message: { id: number; batch: SeriesHistory[] }) => {
  try {
    parentPort?.postMessage({ id: message.id, results: message.batch.map((s) => forecastSeries(s)) });
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
