import type { SampleTicket } from '../model';
import type { AppRecord, RowValues } from './rows';

/** Region names that are not in GB/T 2260 (a development zone and a made-up street), written without coordinates. */
export const UNKNOWN_DISTRICT = '临港经开区';
export const UNKNOWN_TOWN = '港园街道';

/** Points outside 宜宾: central Chengdu (WGS-84 and GCJ-02) and the null island 0,0. */
const OUT_OF_AREA: [number, number][] = [
  [104.065735, 30.659462],
  [104.068459, 30.657137],
  [0, 0],
];

function badDate(t: SampleTicket): string {
  const year = new Date(t.received).getUTCFullYear();
  const options = ['待补录', `${year}/13/45 25:61:09`, '#VALUE!', `${year}年某月某日`];
  return options[t.received % options.length]!;
}

/**
 * Corrupts a row or record in place as its ticket's defect says, and returns the bad value written (the duplicate
 * defect writes the row twice and changes nothing). Column positions follow HOTLINE_HEADERS and WEB_HEADERS.
 */
export function applyDefect(t: SampleTicket, row: RowValues | AppRecord): string | undefined {
  const pointIndex = t.received % OUT_OF_AREA.length;
  if (Array.isArray(row)) {
    const hotline = t.channel === 'hotline';
    switch (t.defect) {
      case 'bad_date': {
        const v = badDate(t);
        row[hotline ? 1 : 3] = v;
        return v;
      }
      case 'unknown_region':
        row[hotline ? 8 : 7] = UNKNOWN_DISTRICT;
        row[hotline ? 9 : 8] = UNKNOWN_TOWN;
        if (hotline) {
          row[10] = `${UNKNOWN_DISTRICT}${UNKNOWN_TOWN}港园大道${(t.received % 200) + 1}号`;
          row[11] = '';
          row[12] = '';
          row[13] = '';
        }
        return `${UNKNOWN_DISTRICT}/${UNKNOWN_TOWN}`;
      case 'out_of_area': {
        const [lon, lat] = OUT_OF_AREA[pointIndex]!;
        row[11] = lon;
        row[12] = lat;
        row[13] = 'WGS84';
        return `${lon},${lat}`;
      }
      default:
        return undefined;
    }
  }
  switch (t.defect) {
    case 'unknown_region':
      row.district = UNKNOWN_DISTRICT;
      row.address = `${UNKNOWN_DISTRICT}${UNKNOWN_TOWN}港园大道${(t.received % 200) + 1}号`;
      row.lat = null;
      row.long = null;
      return `${UNKNOWN_DISTRICT}/${UNKNOWN_TOWN}`;
    case 'out_of_area': {
      const [lon, lat] = OUT_OF_AREA[pointIndex]!;
      row.long = lon;
      row.lat = lat;
      return `${lon},${lat}`;
    }
    default:
      return undefined;
  }
}
