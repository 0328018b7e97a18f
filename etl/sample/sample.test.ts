import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayKind, holidayOn, springFestivalDate } from '../../lib/calendar/china-holidays';
import { loadRegionIndex } from '../../lib/geo/boundaries';
import { toWgs84 } from '../../lib/geo/coordinates';
import { haversineMeters } from '../../lib/geo/distance';
import { findCategoryByName } from '../../lib/taxonomy';
import { DISTRICT_BOUNDARY_FILE } from './district-areas';
import { generateSample, type SampleResult } from './generate';
import { DISTRICTS, districtWeight } from './geography';
import { type ReadRow, readSample, receivedDay } from './read-back';
import { WEB_HEADERS } from './writers/rows';

let dir = '';
let result: SampleResult;
let rows: ReadRow[];
const truth = () => result.groundTruth;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sample-dist-'));
  result = await generateSample({
    seed: 2024,
    tickets: 40_000,
    from: '2023-01-01',
    to: '2025-12-31',
    outDir: dir,
    hotlineFormat: 'csv',
  });
  rows = await readSample(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const byId = () =>
  new Map(
    rows.map((r) => [String(r.values.工单编号 ?? r.values.留言编号 ?? r.values.service_request_id), r]),
  );
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const codeByName = new Map<string, string | undefined>();
const categoryOf = (r: ReadRow) => {
  if (r.channel === 'app') return String(r.values.service_code);
  const name = String(r.values.二级分类 ?? '');
  if (!codeByName.has(name)) codeByName.set(name, findCategoryByName(name, 2)?.code);
  return codeByName.get(name);
};
const dailyCounts = () => {
  const m = new Map<string, number>();
  for (const r of rows) {
    const d = receivedDay(r);
    if (d) m.set(d, (m.get(d) ?? 0) + 1);
  }
  return m;
};

describe('generated volume', () => {
  it('has the requested size and channel mix', () => {
    expect(result.tickets).toBeGreaterThan(36_000);
    expect(result.tickets).toBeLessThan(44_000);
    const share = (c: string) => rows.filter((r) => r.channel === c).length / rows.length;
    expect(share('hotline')).toBeCloseTo(0.6, 1);
    expect(share('web')).toBeGreaterThan(0.2);
    expect(share('app')).toBeGreaterThan(0.1);
  });

  it('has a weekly rhythm: plain weekdays about 1.5× weekend days', () => {
    const days = dailyCounts();
    const kind = (k: string) => mean([...days].filter(([d]) => dayKind(d) === k).map(([, n]) => n));
    const ratio = kind('workday') / kind('weekend');
    expect(ratio).toBeGreaterThan(1.3);
    expect(ratio).toBeLessThan(2.2);
  });

  it('dips over the Spring Festival holiday', () => {
    const days = dailyCounts();
    for (const year of [2023, 2024, 2025]) {
      const sf = Date.parse(`${springFestivalDate(year)}T00:00:00Z`);
      const around = (from: number, to: number, pred: (d: string) => boolean) =>
        mean(
          [...days]
            .filter(([d]) => {
              const t = Date.parse(`${d}T00:00:00Z`);
              return t >= sf + from * 864e5 && t <= sf + to * 864e5 && pred(d);
            })
            .map(([, n]) => n),
        );
      const holiday = around(-1, 6, (d) => holidayOn(d)?.zh === '春节');
      const workdays = around(-40, 40, (d) => dayKind(d) === 'workday');
      expect(holiday / workdays, String(year)).toBeLessThan(0.5);
    }
  });

  it('puts each stated seasonal peak in its months', () => {
    for (const peak of truth().seasonalPeaks) {
      const monthly = new Map<number, number>();
      for (const r of rows) {
        const d = receivedDay(r);
        if (d && categoryOf(r) === peak.categoryCode)
          monthly.set(Number(d.slice(5, 7)), (monthly.get(Number(d.slice(5, 7))) ?? 0) + 1);
      }
      const inPeak = mean(peak.peakMonths.map((m) => monthly.get(m) ?? 0));
      const rest = mean(
        [...Array(12).keys()]
          .map((i) => i + 1)
          .filter((m) => !peak.peakMonths.includes(m))
          .map((m) => monthly.get(m) ?? 0),
      );
      expect(inPeak / rest, peak.zh).toBeGreaterThan(2);
    }
  });

  it('surges wage-arrears appeals in the weeks before the Spring Festival', () => {
    const wage = rows.filter((r) => categoryOf(r) === '0701');
    const window = (year: number, from: number, to: number) =>
      wage.filter((r) => {
        const d = receivedDay(r);
        if (!d) return false;
        const t =
          (Date.parse(`${d}T00:00:00Z`) - Date.parse(`${springFestivalDate(year)}T00:00:00Z`)) / 864e5;
        return t >= from && t < to;
      }).length;
    for (const year of [2024, 2025])
      expect(window(year, -30, 0), String(year)).toBeGreaterThan(2 * window(year, 60, 90));
  });

  it('weights districts by population, 翠屏区 first and the urban districts above their population share', () => {
    const counts = new Map<string, number>();
    for (const r of rows) {
      const name = String(r.values.所属区县 ?? r.values.district ?? '');
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const sorted = [...counts].sort((a, b) => b[1] - a[1]);
    expect(sorted[0]![0]).toBe('翠屏区');
    const total = DISTRICTS.reduce((n, d) => n + districtWeight(d), 0);
    for (const d of DISTRICTS) {
      const observed = (counts.get(d.name) ?? 0) / rows.length;
      expect(observed / (districtWeight(d) / total), d.name).toBeGreaterThan(0.8);
      expect(observed / (districtWeight(d) / total), d.name).toBeLessThan(1.2);
    }
  });
});

describe('channel layouts', () => {
  it('writes the web file in GBK with CRLF and the agreed headers', () => {
    const name = truth().files.find((f) => f.channel === 'web')!.files[0]!.name;
    const bytes = readFileSync(path.join(dir, name));
    const text = iconv.decode(bytes, 'gbk');
    expect(text).not.toContain('\uFFFD');
    expect(text.split('\r\n')[0]).toBe(WEB_HEADERS.join(','));
    expect(bytes.toString('utf8')).toContain('\uFFFD');
    const web = rows.filter((r) => r.channel === 'web');
    const blank = web.filter((r) => !r.values.一级分类).length / web.length;
    expect(blank).toBeGreaterThan(0.1);
    expect(blank).toBeLessThan(0.2);
    expect(String(web[0]!.values.留言用户)).toMatch(/^A\d{8}$/);
  });

  it('writes app coordinates in GCJ-02, 100–700 m off the WGS-84 truth of the same appeal', () => {
    const ids = byId();
    let checked = 0;
    for (const dup of truth().crossChannelDuplicates) {
      const [a, b] = dup.ticketIds.map((id) => ids.get(id)!);
      if (b?.channel !== 'app' || a?.values.坐标系 !== 'WGS84') continue;
      const [lon, lat] = [Number(a.values.经度), Number(a.values.纬度)];
      const off = haversineMeters(lon, lat, Number(b.values.long), Number(b.values.lat));
      expect(off).toBeGreaterThan(100);
      expect(off).toBeLessThan(700);
      const [wlon, wlat] = toWgs84(Number(b.values.long), Number(b.values.lat), 'GCJ02');
      expect(haversineMeters(lon, lat, wlon, wlat)).toBeLessThan(2);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('handling timeline', () => {
  it('orders 受理 ≤ 派单 ≤ 首次响应 ≤ 办结 and 办理时限 = 受理 + dueDays', () => {
    const ms = (v: unknown) => {
      const m = /^(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})$/.exec(String(v ?? ''));
      return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : null;
    };
    let checked = 0;
    for (const r of rows.filter((x) => x.channel === 'hotline')) {
      const [received, dispatched, response, due, closed] = [
        '受理时间',
        '派单时间',
        '首次响应时间',
        '办理时限',
        '办结时间',
      ].map((k) => ms(r.values[k]));
      if (received == null) continue;
      const chain = [received, dispatched, response, closed].filter((t): t is number => t !== null);
      expect(
        [...chain].sort((a, b) => a - b),
        `${r.file}#${r.row}`,
      ).toEqual(chain);
      const days = findCategoryByName(String(r.values.二级分类), 2)!.dueDays;
      expect(due! - received).toBe(days * 864e5);
      checked++;
    }
    expect(checked).toBeGreaterThan(20_000);
  });
});

describe('geography', () => {
  it('places every valid point inside its own district boundary', () => {
    const index = loadRegionIndex(DISTRICT_BOUNDARY_FILE);
    const codeByName = new Map(DISTRICTS.map((d) => [d.name, d.code]));
    const listed = new Set(truth().defects.items.flatMap((d) => d.rows.map((row) => `${d.file}#${row}`)));
    let checked = 0;
    for (const r of rows) {
      if (r.channel === 'web' || listed.has(`${r.file}#${r.row}`)) continue;
      const system = r.channel === 'app' || r.values.坐标系 === 'GCJ02' ? 'GCJ02' : 'WGS84';
      const [lon, lat] = toWgs84(
        Number(r.values.经度 ?? r.values.long),
        Number(r.values.纬度 ?? r.values.lat),
        system,
      );
      expect(index.regionAt(lon, lat), `${r.file}#${r.row}`).toBe(
        codeByName.get(String(r.values.所属区县 ?? r.values.district)),
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(25_000);
  });
});

describe('planted signals', () => {
  it('keeps persistent and emerging hotspots at their point, months and growth', () => {
    const ids = byId();
    for (const h of [...truth().hotspots.persistent, ...truth().hotspots.emerging]) {
      expect(h.ticketIds.length).toBeGreaterThan(20);
      for (const id of h.ticketIds) {
        const r = ids.get(id)!;
        const [lon, lat] =
          r.channel === 'app'
            ? toWgs84(Number(r.values.long), Number(r.values.lat), 'GCJ02')
            : toWgs84(
                Number(r.values.经度 ?? 0),
                Number(r.values.纬度 ?? 0),
                r.values.坐标系 === 'GCJ02' ? 'GCJ02' : 'WGS84',
              );
        if (r.channel !== 'web')
          expect(haversineMeters(lon, lat, h.center[0]!, h.center[1]!)).toBeLessThan(h.radiusMeters * 2.5);
        const months = 'months' in h ? h.months : [];
        if (months.length > 0) expect(months, id).toContain(Number(receivedDay(r)!.slice(5, 7)));
      }
    }
    const growth = Object.values(truth().hotspots.emerging[0]!.countByMonth);
    for (let i = 1; i < growth.length - 1; i++) expect(growth[i]!).toBeGreaterThanOrEqual(growth[i - 1]!);
  });

  it('has repeat callers and cross-channel duplicates as stated', () => {
    const ids = byId();
    for (const r of truth().repeatCallers) {
      expect(r.ticketIds.length).toBeGreaterThanOrEqual(3);
      for (const id of r.ticketIds) expect(ids.get(id)!.values.来电号码).toBe(r.phone);
    }
    for (const d of truth().crossChannelDuplicates) {
      const [a, b] = d.ticketIds.map((id) => ids.get(id)!);
      expect(a!.channel).toBe('hotline');
      expect(b!.channel).toBe(d.channels[1]);
      expect(b!.values.phone ?? b!.values.联系电话).toBe(d.phone);
    }
  });

  it('makes one department late far more often than the others', () => {
    const late = truth().lateDepartment;
    expect(late.overdueRate).toBeGreaterThan(3 * late.othersOverdueRate);
  });

  it('counts the personal data planted in free text exactly', () => {
    const text = rows
      .map((r) => String(r.values.诉求内容 ?? r.values.留言详情 ?? r.values.description ?? ''))
      .join('\n');
    const phones = text.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? [];
    const idNumbers = text.match(/(?<!\d)5115\d{13}[\dX](?!\d)/g) ?? [];
    expect(phones.length).toBe(truth().personalData.phonesInText);
    expect(idNumbers.length).toBe(truth().personalData.idNumbersInText);
    expect(phones.length).toBeGreaterThan(100);
  });

  it('plants exactly the listed defects and nothing else invalid', () => {
    const items = truth().defects.items;
    const key = (r: ReadRow) => `${r.file}#${r.row}`;
    const listed = new Map(items.flatMap((d) => d.rows.map((row) => [`${d.file}#${row}`, d.kind])));
    const names = new Set(DISTRICTS.map((d) => d.name));
    for (const r of rows) {
      const kind = listed.get(key(r));
      const badDate = receivedDay(r) === null;
      expect(badDate, key(r)).toBe(kind === 'bad_date');
      const district = String(r.values.所属区县 ?? r.values.district);
      expect(!names.has(district), key(r)).toBe(kind === 'unknown_region');
      if (r.channel !== 'web' && kind !== 'unknown_region') {
        const lon = Number(r.values.经度 ?? r.values.long);
        const lat = Number(r.values.纬度 ?? r.values.lat);
        const inCity = lon > 103.5 && lon < 105.6 && lat > 27.8 && lat < 29.3;
        expect(!inCity, key(r)).toBe(kind === 'out_of_area');
      }
    }
    for (const d of items.filter((x) => x.kind === 'duplicate_row')) {
      const [a, b] = d.rows.map((row) => rows.find((r) => r.file === d.file && r.row === row)!);
      expect(a!.values).toEqual(b!.values);
    }
    expect(truth().defects.counts).toEqual({
      badDates: 11,
      unknownRegions: 12,
      outOfAreaCoordinates: 11,
      duplicateRows: 10,
    });
  });
});
