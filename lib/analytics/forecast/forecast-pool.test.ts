import { describe, expect, it } from 'vitest';
import { forecastMany } from './forecast-pool';
import { forecastSeries, type SeriesHistory } from './forecast-series';

/** Three years of weekly appeals with a yearly swing, a trend and noise from a seeded generator. */
function weekly(seed: number): SeriesHistory {
  let state = seed;
  const noise = () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647 - 0.5;
  };
  const starts: string[] = [];
  const values: number[] = [];
  const day0 = Date.parse('2023-01-02T00:00:00Z');
  for (let w = 0; w < 156; w++) {
    starts.push(new Date(day0 + w * 7 * 86_400_000).toISOString().slice(0, 10));
    values.push(Math.max(0, Math.round(40 + 15 * Math.sin((2 * Math.PI * w) / 52) + w * 0.1 + 8 * noise())));
  }
  return { step: 'week', starts, values, holidays: 'china' };
}

describe('forecastMany', () => {
  it('gives in worker threads exactly what one thread gives, in the same order', async () => {
    const series = [1, 2, 3, 4, 5, 6].map(weekly);
    const pooled = await forecastMany(series, {
      threads: 2,
      minSeries: 1,
      batchSize: 2,
      onWorkerFailure: 'throw',
    });
    expect(pooled).toEqual(series.map((s) => forecastSeries(s)));
    expect(new Set(pooled.map((f) => f.forecast[0]?.mean)).size).toBe(6);
  });
});
