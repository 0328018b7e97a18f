import { type DispatchCounts, DispatchModel } from '../analytics/handling/dispatch-model';
import { readRows, warehouseGeneration } from '../db/read-only-warehouse';

let cached: { generation: number; model: Promise<DispatchModel> } | null = null;

/**
 * The dispatch model the handling step stored, loaded once per published warehouse (a few hundred thousand counts
 * at most), so a suggestion request only scores: no SQL on the request path but the supporting tickets.
 */
export async function loadDispatchModel(): Promise<DispatchModel> {
  const generation = await warehouseGeneration();
  if (cached?.generation !== generation) {
    const model = readCounts().then((counts) => new DispatchModel(counts));
    cached = { generation, model };
    // A failed load (no step run yet) is retried by the next request instead of being cached.
    model.catch(() => {
      if (cached?.model === model) cached = null;
    });
  }
  return cached.model;
}

async function readCounts(): Promise<DispatchCounts> {
  const [contexts, terms, coHandling] = await Promise.all([
    readRows<DispatchCounts['contexts'][number]>('SELECT key, unit, tickets FROM dispatch_contexts'),
    readRows<DispatchCounts['terms'][number]>('SELECT term, unit, count FROM dispatch_terms'),
    readRows<DispatchCounts['coHandling'][number]>('SELECT key, unit, tickets FROM dispatch_co_handling'),
  ]);
  return { contexts, terms, coHandling };
}

/** The time-based backtest the step stored: tickets after `testFrom` scored by a model trained before it. */
export interface DispatchBacktestRow {
  testFrom: string;
  testTo: string;
  tickets: number;
  top1: number;
  top3: number;
}

export async function fetchDispatchBacktest(): Promise<DispatchBacktestRow | null> {
  const [row] = await readRows<DispatchBacktestRow>(
    `SELECT strftime(test_from, '%Y-%m-%d') AS "testFrom", strftime(test_to, '%Y-%m-%d') AS "testTo",
            tickets, top1, top3 FROM dispatch_backtest`,
  );
  return row ?? null;
}
