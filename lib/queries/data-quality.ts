import type { Filters } from '../filters/filters';
import { rangeOf } from '../filters/periods';
import { fetchPeriodMeasures } from './period-measures';

/**
 * Facts about the data that change how a figure should be read: shown as notes beside the overview when they are
 * not negligible. Each is a count and its share of the appeals in the range.
 */
export interface DataQualityNotes {
  tickets: number;
  closedBeforeReceived: number;
  closedInMinutes: number;
  noRegion: number;
  stillOpen: number;
}

export async function fetchDataQuality(filters: Filters): Promise<DataQualityNotes> {
  const { current } = await fetchPeriodMeasures(filters, { current: rangeOf(filters) }, undefined, {
    handlingTimes: false,
    measures: ['tickets', 'closed_before_received', 'closed_in_minutes', 'no_region', 'still_open'],
  });
  const sums = current.get(null)?.sums;
  return {
    tickets: sums?.tickets ?? 0,
    closedBeforeReceived: sums?.closed_before_received ?? 0,
    closedInMinutes: sums?.closed_in_minutes ?? 0,
    noRegion: sums?.no_region ?? 0,
    stillOpen: sums?.still_open ?? 0,
  };
}
