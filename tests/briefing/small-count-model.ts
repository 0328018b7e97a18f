import { latLngToCell } from 'h3-js';
import type { BriefingModel } from '../../lib/briefing/model';
import type { DepartmentFigures, DepartmentScorecardRow } from '../../lib/queries/department-scorecard';
import type { ProactiveCalendarRow } from '../../lib/queries/forecast-calendar';
import type { KpiValues } from '../../lib/sql/kpis';
import { emptySums } from '../../lib/sql/rollup-measures';

/**
 * A briefing model of a very quiet month, made by hand: every ticket count in it is 1 or 2, and so are the counts
 * of other things (districts with a population, hot cells, departments ranked, recurring places, earlier months,
 * a forecast's expected and normal appeals), which a leader still reads as they are. `overrides` changes one part
 * (a month with big counts whose difference is small, a rising category whose month before was small).
 */
export function smallCountModel(overrides: Partial<BriefingModel> = {}): BriefingModel {
  const kpis = (appeals: number, overdueCount: number): KpiValues => ({
    appeals,
    resolvedRate: 0.5,
    satisfactionRate: 1,
    onTimeRate: 0.5,
    overdueCount,
    returnRate: 0,
    repeatRate: 0.5,
    medianHandlingHours: 30,
  });
  const department = (name: string, rank: number, tickets: number, score: number): DepartmentScorecardRow => {
    const figures: DepartmentFigures = {
      tickets,
      onTimeRate: 0.5,
      medianHandlingHours: 20,
      p90HandlingHours: 40,
      returnRate: 0,
      satisfactionRate: 1,
      repeatRate: 0,
      resolvedRate: 1,
      overdue: 1,
      escalated: 0,
      multiDepartment: 0,
      complexity: tickets,
      complexityHandledWell: tickets / 2,
      score,
    };
    return {
      department: name,
      current: figures,
      previous: null,
      scoreChange: null,
      enoughTickets: true,
      rank,
      previousRank: null,
      closureQuality: null,
    };
  };
  const forecast: ProactiveCalendarRow = {
    seriesId: 'city:0101',
    regionCode: '511500',
    regionLevel: 'city',
    regionName: null,
    categoryCode: '0101',
    categoryZh: '道路维修',
    categoryEn: 'Road repairs',
    categoryL1Zh: '城市建设',
    categoryL1En: 'Urban works',
    month: '2025-08-01',
    monthsAhead: 1,
    expected: 2,
    expectedHi80: 4,
    normal: 1,
    rise: 2,
    riseStart: '2025-08-01',
    leadDays: 20,
    actBy: '2025-07-18',
    departments: ['市住房城乡建设局'],
    model: 'ets',
    mase: null,
  };
  const category = { l1: '01', l1Zh: '城市建设', l1En: 'Urban works' };
  return {
    month: '2025-07',
    range: { from: '2025-07-01', to: '2025-07-31' },
    ranges: {
      current: { from: '2025-07-01', to: '2025-07-31' },
      previous: { from: '2025-06-01', to: '2025-06-30' },
      lastYear: { from: '2024-07-01', to: '2024-07-31' },
    },
    span: { firstDay: '2024-01-01', lastDay: '2025-07-31' },
    coverage: 'complete',
    overview: {
      kpis: {
        ranges: {
          current: { from: '2025-07-01', to: '2025-07-31' },
          previous: { from: '2025-06-01', to: '2025-06-30' },
          lastYear: { from: '2024-07-01', to: '2024-07-31' },
        },
        current: kpis(2, 1),
        previous: kpis(1, 2),
        lastYear: kpis(2, 2),
      },
      sums: { ...emptySums(), tickets: 2, still_open: 1, repeat_appeals: 1, caller_known: 2 },
      channels: [
        { channel: '12345热线', tickets: 1 },
        { channel: '网站', tickets: 1 },
      ],
      appealTypes: [
        { type: 'complaint', tickets: 2 },
        { type: 'praise', tickets: 1 },
      ],
      typedTickets: 2,
      trend: [
        { period: '2025-06-01', tickets: 1, lastYear: 2 },
        { period: '2025-07-01', tickets: 2, lastYear: 2 },
      ],
    },
    categories: {
      top: [{ ...category, l2: '0101', l2Zh: '道路维修', l2En: 'Road repairs', tickets: 2, previous: 1 }],
      rising: [
        {
          ...category,
          l2: '0101',
          l2Zh: '道路维修',
          l2En: 'Road repairs',
          tickets: 2,
          previous: 1,
          change: 1,
          changeRate: 1,
        },
        {
          ...category,
          l2: '0102',
          l2Zh: '路灯',
          l2En: 'Street lights',
          tickets: 1,
          previous: 0,
          change: 1,
          changeRate: null,
        },
      ],
    },
    districts: {
      ranked: [
        { code: '511502', name: '翠屏区', tickets: 2, population: 800_000, per10k: 0.025 },
        { code: '511503', name: '南溪区', tickets: 1, population: 400_000, per10k: 0.025 },
      ],
      unlocated: 1,
      byRate: [
        { code: '511502', name: '翠屏区', tickets: 2, population: 800_000, per10k: 0.025 },
        { code: '511503', name: '南溪区', tickets: 1, population: 400_000, per10k: 0.025 },
      ],
      hotspots: {
        available: true,
        resolution: 8,
        cells: [
          {
            cell: latLngToCell(28.77, 104.6, 8),
            lon: 104.6,
            lat: 28.77,
            countyName: '翠屏区',
            townName: null,
            tickets: 2,
            giZ: 3.1,
            hotspotClass: 'new',
            hotMonths: 1,
          },
        ],
      },
      boundaries: [
        {
          type: 'Feature',
          properties: { code: '511502', name: '翠屏区', level: 3 },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [104.5, 28.7],
                [104.7, 28.7],
                [104.7, 28.85],
                [104.5, 28.85],
                [104.5, 28.7],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { code: '511503', name: '南溪区', level: 3 },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [104.7, 28.7],
                [104.9, 28.7],
                [104.9, 28.85],
                [104.7, 28.85],
                [104.7, 28.7],
              ],
            ],
          },
        },
      ],
    },
    handling: {
      ranked: [department('市水务局', 1, 2, 80.5), department('市住房城乡建设局', 2, 1, 60.25)],
      unranked: 0,
      quality: null,
    },
    repeats: {
      byCategory: [{ code: '0101', nameZh: '道路维修', nameEn: 'Road repairs', repeats: 1, tickets: 2 }],
      places: [
        {
          address: '大观楼农贸市场',
          countyName: '翠屏区',
          townName: null,
          categoryCode: '0101',
          categoryZh: '道路维修',
          categoryEn: 'Road repairs',
          tickets: 2,
          earlierMonths: 2,
          earlierTickets: 2,
        },
      ],
      placesTotal: 1,
    },
    outlook: { status: 'ready', nextMonth: '2025-08', items: [forecast] },
    ...overrides,
  };
}
