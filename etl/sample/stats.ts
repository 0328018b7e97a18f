import type { SampleTicket } from './model';
import { STATED_PEAKS } from './volume';

const inc = (m: Map<string, number>, key: string, by = 1) => m.set(key, (m.get(key) ?? 0) + by);
const toObject = (m: Map<string, number>) =>
  Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Running counts over every generated ticket (one per appeal; a duplicated row still counts once). */
export class SampleStats {
  total = 0;
  readonly byChannel = new Map<string, number>();
  readonly byDistrict = new Map<string, number>();
  readonly byCategoryL1 = new Map<string, number>();
  readonly byStatus = new Map<string, number>();
  readonly daily = new Map<string, number>();
  readonly peakMonthly = new Map<string, Map<string, number>>();
  readonly departments = new Map<string, { tickets: number; overdue: number }>();

  constructor(private readonly cut: number) {}

  /** Adds one ticket. */
  add(t: SampleTicket): void {
    this.total++;
    inc(this.byChannel, t.channel);
    inc(this.byDistrict, t.districtCode);
    inc(this.byCategoryL1, t.category.parentCode!);
    inc(this.byStatus, t.status);
    const iso = new Date(t.received).toISOString();
    inc(this.daily, iso.slice(0, 10));
    if (STATED_PEAKS[t.category.code]) {
      const m = this.peakMonthly.get(t.category.code) ?? new Map<string, number>();
      inc(m, iso.slice(0, 7));
      this.peakMonthly.set(t.category.code, m);
    }
    if (t.status !== 'pending') {
      const d = this.departments.get(t.department) ?? { tickets: 0, overdue: 0 };
      d.tickets++;
      if ((t.closed ?? this.cut) > t.due) d.overdue++;
      this.departments.set(t.department, d);
    }
  }

  /** Plain-object views for JSON. */
  summary() {
    return {
      total: this.total,
      byChannel: toObject(this.byChannel),
      byDistrict: toObject(this.byDistrict),
      byCategoryL1: toObject(this.byCategoryL1),
      byStatus: toObject(this.byStatus),
    };
  }

  /** Daily totals in date order. */
  dailySeries(): [string, number][] {
    return [...this.daily].sort(([a], [b]) => (a < b ? -1 : 1));
  }

  /** Monthly counts of one stated-peak category. */
  monthly(code: string): Record<string, number> {
    return toObject(this.peakMonthly.get(code) ?? new Map());
  }
}
