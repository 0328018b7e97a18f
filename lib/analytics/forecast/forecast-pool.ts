import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { forecastSeries, type SeriesForecast, type SeriesHistory } from './forecast-series';

/**
 * Forecasts many series on every core: the fits (augurs' WASM, single-threaded) are independent, so a pool of
 * worker threads takes each batch of series in turn. The results are the same as one thread's (tested); with too
 * few series to pay for starting workers, or if a worker cannot start, it runs here instead.
 *
 * Workers load the TypeScript through tsx's loader (forecast-worker-entry.mjs); the ETL already runs under tsx.
 */
export interface PoolOptions {
  /** Threads to use; default: the machine's cores, at most 8. `HOTLINE_FORECAST_THREADS` overrides it. */
  threads?: number;
  /** Fewer series than this are forecast in this thread (starting a worker costs about a second). */
  minSeries?: number;
  batchSize?: number;
  /** When workers cannot start: forecast in this thread ('inline', the default) or fail ('throw', for tests). */
  onWorkerFailure?: 'inline' | 'throw';
}

export async function forecastMany(
  series: readonly SeriesHistory[],
  options: PoolOptions = {},
): Promise<SeriesForecast[]> {
  const threads = Math.min(
    options.threads ?? (Number(process.env.HOTLINE_FORECAST_THREADS) || Math.min(availableParallelism(), 8)),
    Math.ceil(series.length / (options.batchSize ?? 25)),
  );
  if (threads <= 1 || series.length < (options.minSeries ?? 200)) return series.map((s) => forecastSeries(s));
  try {
    return await inWorkers(series, threads, options.batchSize ?? 25);
  } catch (error) {
    if (options.onWorkerFailure === 'throw') throw error;
    console.warn(`forecast workers unavailable (${(error as Error).message}); forecasting in one thread`);
    return series.map((s) => forecastSeries(s));
  }
}

function inWorkers(
  series: readonly SeriesHistory[],
  threads: number,
  batchSize: number,
): Promise<SeriesForecast[]> {
  const results: SeriesForecast[] = new Array(series.length);
  const batches: { id: number; start: number; batch: SeriesHistory[] }[] = [];
  for (let start = 0; start < series.length; start += batchSize)
    batches.push({ id: batches.length, start, batch: series.slice(start, start + batchSize) });
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  return new Promise<SeriesForecast[]>((resolve, reject) => {
    const finish = (error?: Error) => {
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker) => {
      const batch = batches[next++];
      if (batch) worker.postMessage({ id: batch.id, batch: batch.batch });
    };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(new URL('./forecast-worker-entry.mjs', import.meta.url));
      workers.push(worker);
      worker.on('message', (message: { id: number; results?: SeriesForecast[]; error?: string }) => {
        if (message.error !== undefined) return finish(new Error(message.error));
        const batch = batches[message.id] as (typeof batches)[number];
        (message.results ?? []).forEach((result, i) => {
          results[batch.start + i] = result;
        });
        done++;
        if (done === batches.length) finish();
        else feed(worker);
      });
      worker.on('error', (error) => finish(error));
      feed(worker);
    }
  });
}
