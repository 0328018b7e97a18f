import { describe, expect, it } from 'vitest';
import type { ForecastBacktestPoint, ForecastPoint } from '../queries/forecast-view';
import { backtestOption, forecastOption, HIGH_MONTH_INDEX, seasonalProfileOption } from './forecast-option';

const history = (periodStart: string, actual: number): ForecastPoint => ({
  periodStart,
  kind: 'history',
  actual,
  mean: null,
  lo80: null,
  hi80: null,
  lo95: null,
  hi95: null,
});
const ahead = (periodStart: string, mean: number, spread: number): ForecastPoint => ({
  periodStart,
  kind: 'forecast',
  actual: null,
  mean,
  lo80: mean - spread,
  hi80: mean + spread,
  lo95: mean - 2 * spread,
  hi95: mean + 2 * spread,
});
const labels = {
  period: (s: string) => s.slice(5),
  count: (v: number) => String(v),
  actual: 'actual',
  forecast: 'forecast',
  band80: '80%',
  band95: '95%',
  predicted: 'predicted',
};

type Series = { id: string; data: unknown[] };

describe('forecastOption', () => {
  it('draws history solid, the forecast from the last actual, and nested bands as lower + width', () => {
    const option = forecastOption(
      [
        history('2025-11-01', 10),
        history('2025-12-01', 12),
        ahead('2026-01-01', 20, 3),
        ahead('2026-02-01', 30, 5),
      ],
      labels,
    );
    const series = option.series as Series[];
    const byId = (id: string) => series.find((s) => s.id === id)!.data;
    expect(byId('actual')).toEqual([10, 12, null, null]);
    expect(byId('forecast')).toEqual([null, 12, 20, 30]);
    expect(byId('band80:lower')).toEqual([null, null, 17, 25]);
    expect(byId('band80:width')).toEqual([null, null, 6, 10]);
    expect(byId('band95:lower')).toEqual([null, null, 14, 20]);
    expect(byId('band95:width')).toEqual([null, null, 12, 20]);
    expect((option.xAxis as { data: string[] }).data).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ]);
    // The legend takes a band's colour from its first series: both halves carry it.
    const colour = (id: string) =>
      (series.find((s) => s.id === id) as unknown as { itemStyle: { color: string } }).itemStyle.color;
    expect(colour('band80:lower')).toBe(colour('band80:width'));
    expect(colour('band80:lower')).not.toBe(colour('band95:lower'));
  });
});

describe('backtestOption', () => {
  it('draws one path per origin and the actuals once per period', () => {
    const point = (
      origin: string,
      periodStart: string,
      actual: number,
      predicted: number,
    ): ForecastBacktestPoint => ({
      origin,
      periodStart,
      horizon: 1,
      actual,
      predicted,
      baseline: null,
      lo95: 0,
      hi95: 99,
    });
    const option = backtestOption(
      [
        point('2025-01-01', '2025-01-01', 5, 6),
        point('2025-01-01', '2025-02-01', 8, 7),
        point('2025-02-01', '2025-02-01', 8, 9),
      ],
      labels,
    );
    const series = option.series as Series[];
    expect(series.map((s) => s.id)).toEqual(['origin:2025-01-01', 'origin:2025-02-01', 'actual']);
    expect(series[0]!.data).toEqual([6, 7]);
    expect(series[1]!.data).toEqual([null, 9]);
    expect(series[2]!.data).toEqual([5, 8]);
  });
});

describe('seasonalProfileOption', () => {
  it('colours the high months', () => {
    const option = seasonalProfileOption(
      [
        { month: 6, average: 40, index: 2 },
        { month: 7, average: 20, index: HIGH_MONTH_INDEX - 0.01 },
      ],
      { month: (m) => `${m}月`, index: (v) => v.toFixed(1) },
    );
    const [bars] = option.series as { data: { value: number; itemStyle: { color: string } }[] }[];
    expect(bars!.data[0]!.itemStyle.color).not.toBe(bars!.data[1]!.itemStyle.color);
    expect((option.xAxis as { data: string[] }).data).toEqual(['6月', '7月']);
  });
});
