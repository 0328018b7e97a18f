import type { BarSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import {
  medianRate,
  ON_TIME_BOTTOM_COUNT,
  type OnTimeBottomLabels,
  type OnTimeDepartment,
  onTimeBottomOption,
} from './on-time-bottom-option';
import { PAST_COLOUR } from './palette';

const LABELS: OnTimeBottomLabels = {
  seriesName: 'Closed on time',
  share: (rate) => `${Math.round(rate * 100)}%`,
  tooltip: (d) => `${d.department}: ${d.tickets}`,
  median: (rate) => `median ${Math.round(rate * 100)}%`,
};
const RED = '#dc2626';

const dept = (department: string, onTimeRate: number | null, tickets = 100): OnTimeDepartment => ({
  department,
  onTimeRate,
  tickets,
});

/** Twelve departments from 50% to 94% closed on time, in steps of 4 points. */
const TWELVE = Array.from({ length: 12 }, (_, i) => dept(`D${String(i).padStart(2, '0')}`, 0.5 + i * 0.04));

const bars = (option: ReturnType<typeof onTimeBottomOption>) => {
  const [series] = option.series as BarSeriesOption[];
  return series!.data as (OnTimeDepartment & { value: number; itemStyle: { color: string } })[];
};
const names = (option: ReturnType<typeof onTimeBottomOption>) => (option.yAxis as { data: string[] }).data;

describe('onTimeBottomOption', () => {
  it('keeps the ten worst departments, worst at the top (the last category ECharts draws)', () => {
    const option = onTimeBottomOption([...TWELVE].reverse(), { colour: RED, labels: LABELS });
    expect(ON_TIME_BOTTOM_COUNT).toBe(10);
    expect(names(option)).toEqual(
      TWELVE.slice(0, 10)
        .map((d) => d.department)
        .reverse(),
    );
    expect(bars(option).map((b) => b.value)).toEqual(
      TWELVE.slice(0, 10)
        .map((d) => d.onTimeRate)
        .reverse(),
    );
    // A click filters on the department the data item carries.
    expect(bars(option).at(-1)).toMatchObject({ department: 'D00', tickets: 100 });
  });

  it('draws the median department as a dashed line and colours only the bars below it', () => {
    const option = onTimeBottomOption(TWELVE, { colour: RED, labels: LABELS });
    const [series] = option.series as BarSeriesOption[];
    // Twelve rates: the median is the mean of the 6th and 7th, 70% and 74%.
    const markLine = series!.markLine!;
    expect(markLine.data).toEqual([{ xAxis: expect.closeTo(0.72, 12) }]);
    expect((markLine.label as { formatter: string }).formatter).toBe('median 72%');
    const colours = new Map(bars(option).map((b) => [b.department, b.itemStyle.color]));
    expect(colours.get('D00')).toBe(RED);
    expect(colours.get('D05')).toBe(RED);
    expect(colours.get('D06')).toBe(PAST_COLOUR);
    expect(colours.get('D09')).toBe(PAST_COLOUR);
  });

  it('leaves out departments without a rate and breaks ties by volume, then name', () => {
    const option = onTimeBottomOption(
      [dept('small', 0.8, 30), dept('none', null, 500), dept('big', 0.8, 900), dept('also big', 0.8, 900)],
      { colour: RED, labels: LABELS, count: 3 },
    );
    expect(names(option)).toEqual(['small', 'big', 'also big']);
  });

  it('writes rates through the labels: axis, bar ends and tooltip', () => {
    const option = onTimeBottomOption([dept('late', 0.491, 1382)], { colour: RED, labels: LABELS });
    const axis = option.xAxis as {
      min: number;
      max: number;
      axisLabel: { formatter: (v: number) => string };
    };
    expect([axis.min, axis.max, axis.axisLabel.formatter(0.25)]).toEqual([0, 1, '25%']);
    const [series] = option.series as BarSeriesOption[];
    const label = series!.label as { formatter: (p: unknown) => string };
    expect(label.formatter({ value: 0.491 })).toBe('49%');
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter({ data: bars(option)[0] })).toBe('late: 1382');
    // The label sits inside the bar's end, or beside a bar too short to hold it.
    expect(series!.label).toMatchObject({ position: 'insideRight' });
    const short = onTimeBottomOption([dept('never', 0, 40)], { colour: RED, labels: LABELS });
    expect(bars(short)[0]).toMatchObject({ label: { position: 'right' } });
    expect(bars(option)[0]).toMatchObject({ label: undefined });
  });

  it('outlines the department the dashboard is filtered to, adding it below the worst when it is not among them', () => {
    const among = onTimeBottomOption(TWELVE, { colour: RED, labels: LABELS, highlight: 'D03' });
    expect(names(among)).toHaveLength(10);
    expect(bars(among).find((b) => b.department === 'D03')?.itemStyle).toMatchObject({ borderWidth: 2 });
    expect(bars(among).find((b) => b.department === 'D04')?.itemStyle).not.toHaveProperty('borderWidth');
    const axis = among.yAxis as { axisLabel: { formatter: (name: string) => string } };
    expect([axis.axisLabel.formatter('D03'), axis.axisLabel.formatter('D04')]).toEqual([
      '{highlight|D03}',
      'D04',
    ]);

    const outside = onTimeBottomOption(TWELVE, { colour: RED, labels: LABELS, highlight: 'D11' });
    // Eleven bars: the ten worst, and the highlighted one drawn at the bottom (ECharts' first category).
    expect(names(outside)).toEqual([
      'D11',
      ...TWELVE.slice(0, 10)
        .map((d) => d.department)
        .reverse(),
    ]);
    expect(bars(outside)[0]?.itemStyle).toMatchObject({ color: PAST_COLOUR, borderWidth: 2 });
    expect(
      names(onTimeBottomOption(TWELVE, { colour: RED, labels: LABELS, highlight: 'nobody' })),
    ).toHaveLength(10);
  });

  it('draws nothing and no median line for no departments', () => {
    const option = onTimeBottomOption([], { colour: RED, labels: LABELS });
    expect(bars(option)).toEqual([]);
    expect((option.series as BarSeriesOption[])[0]!.markLine).toBeUndefined();
    expect(medianRate([])).toBeNull();
    expect(medianRate([0.3, 0.1, 0.2])).toBe(0.2);
  });
});
