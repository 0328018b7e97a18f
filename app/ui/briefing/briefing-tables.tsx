import {
  formatCount,
  formatDay,
  formatDecimal,
  formatPercent,
  kpiChangeText,
  kpiValueText,
  risingChangeText,
  ticketCountText,
} from '@/lib/briefing/format';
import { BRIEFING_LIMITS, type BriefingModel } from '@/lib/briefing/model';
import { isWithheld, type SmallCounts } from '@/lib/briefing/small-counts';
import { categoryName, outlookRegionName } from '@/lib/briefing/text/names';
import type { Lang } from '@/lib/i18n/codes';
import { KPI_IDS, KPIS } from '@/lib/sql/kpis';
import { label } from './briefing-labels';

const dash = '—';

/** Every table writes its ticket counts for its reader (`counts`): one or two read "<3" when suppressed. */
interface TableProps {
  model: BriefingModel;
  lang: Lang;
  counts: SmallCounts;
}

export function KpiTable({ model, lang, counts }: TableProps) {
  const { current, previous, lastYear } = model.overview.kpis;
  return (
    <table className="briefing-table" data-testid="briefing-kpis">
      <thead>
        <tr>
          <th>{label('kpi', lang)}</th>
          <th className="num">{label('thisMonth', lang)}</th>
          <th className="num">{label('mom', lang)}</th>
          <th className="num">{label('yoy', lang)}</th>
        </tr>
      </thead>
      <tbody>
        {KPI_IDS.map((id) => (
          <tr key={id} data-kpi={id}>
            <th scope="row">{KPIS[id].name[lang]}</th>
            <td className="num">{kpiValueText(id, current[id], lang, counts)}</td>
            <td className="num">{kpiChangeText(id, current[id], previous[id], lang, counts)}</td>
            <td className="num">{kpiChangeText(id, current[id], lastYear[id], lang, counts)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RisingTable({ model, lang, counts }: TableProps) {
  const rows = model.categories.rising;
  if (rows.length === 0) return null;
  return (
    <table className="briefing-table">
      <thead>
        <tr>
          <th>{label('category', lang)}</th>
          <th className="num">{label('thisMonth', lang)}</th>
          <th className="num">{label('previous', lang)}</th>
          <th className="num">{label('change', lang)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.l2}>
            <th scope="row">{categoryName({ code: r.l2, zh: r.l2Zh, en: r.l2En }, lang)}</th>
            <td className="num">{ticketCountText(r.tickets, lang, counts)}</td>
            <td className="num">{ticketCountText(r.previous, lang, counts)}</td>
            <td className="num">{risingChangeText(r, lang, counts)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DistrictTable({ model, lang, counts }: TableProps) {
  const appeals = model.overview.kpis.current.appeals ?? 0;
  return (
    <table className="briefing-table" data-testid="briefing-districts">
      <thead>
        <tr>
          <th>{label('district', lang)}</th>
          <th className="num">{label('appeals', lang)}</th>
          <th className="num">{label('share', lang)}</th>
          <th className="num">{label('population', lang)}</th>
          <th className="num">{label('per10k', lang)}</th>
        </tr>
      </thead>
      <tbody>
        {model.districts.ranked.map((d) => {
          // The share (of the appeals shown above) and the rate (with the population) would give a withheld count back.
          const withheld = isWithheld(d.tickets, counts);
          return (
            <tr key={d.code}>
              <th scope="row">{d.name ?? d.code}</th>
              <td className="num">{ticketCountText(d.tickets, lang, counts)}</td>
              <td className="num">
                {appeals > 0 && !withheld ? formatPercent(d.tickets / appeals, lang) : dash}
              </td>
              <td className="num">{d.population === null ? dash : formatCount(d.population, lang)}</td>
              <td className="num">{d.per10k === null || withheld ? dash : formatDecimal(d.per10k, lang)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function DepartmentTable({ model, lang, counts }: TableProps) {
  const { ranked } = model.handling;
  if (ranked.length < 2) return null;
  const shown = Math.min(BRIEFING_LIMITS.departments, Math.floor(ranked.length / 2));
  const rows = [...ranked.slice(0, shown), null, ...ranked.slice(-shown)];
  return (
    <table className="briefing-table">
      <caption>{label('topDepartments', lang)}</caption>
      <thead>
        <tr>
          <th className="num">{label('rank', lang)}</th>
          <th>{label('department', lang)}</th>
          <th className="num">{label('appeals', lang)}</th>
          <th className="num">{label('score', lang)}</th>
          <th className="num">{label('onTime', lang)}</th>
          <th className="num">{label('satisfaction', lang)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) =>
          r === null ? (
            <tr key="gap" className="gap">
              <td colSpan={6}>…</td>
            </tr>
          ) : (
            <tr key={r.department}>
              <td className="num">{r.rank}</td>
              <th scope="row">{r.department}</th>
              <td className="num">{ticketCountText(r.current.tickets, lang, counts)}</td>
              <td className="num">{formatDecimal(r.current.score, lang)}</td>
              <td className="num">
                {r.current.onTimeRate === null ? dash : formatPercent(r.current.onTimeRate, lang)}
              </td>
              <td className="num">
                {r.current.satisfactionRate === null ? dash : formatPercent(r.current.satisfactionRate, lang)}
              </td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

export function PlaceTable({ model, lang, counts }: TableProps) {
  const { places } = model.repeats;
  if (places.length === 0) return null;
  return (
    <table className="briefing-table">
      <caption>{label('recurringPlaces', lang)}</caption>
      <thead>
        <tr>
          <th>{label('place', lang)}</th>
          <th>{label('category', lang)}</th>
          <th className="num">{label('thisMonth', lang)}</th>
          <th className="num">{label('earlierMonths', lang)}</th>
        </tr>
      </thead>
      <tbody>
        {places.map((p) => (
          <tr key={p.address}>
            <th scope="row">{p.address}</th>
            <td>
              {p.categoryCode
                ? categoryName({ code: p.categoryCode, zh: p.categoryZh, en: p.categoryEn }, lang)
                : dash}
            </td>
            <td className="num">{ticketCountText(p.tickets, lang, counts)}</td>
            <td className="num">{formatCount(p.earlierMonths, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Forecasts (expected appeals, the normal month) are not counts of tickets received: written as they are. */
export function OutlookTable({ model, lang }: Omit<TableProps, 'counts'>) {
  if (model.outlook.status !== 'ready' || model.outlook.items.length === 0) return null;
  return (
    <table className="briefing-table">
      <caption>{label('forecastItems', lang)}</caption>
      <thead>
        <tr>
          <th>{label('region', lang)}</th>
          <th>{label('category', lang)}</th>
          <th className="num">{label('expected', lang)}</th>
          <th className="num">{label('normal', lang)}</th>
          <th className="num">{label('rise', lang)}</th>
          <th>{label('department', lang)}</th>
          <th>{label('actBy', lang)}</th>
        </tr>
      </thead>
      <tbody>
        {model.outlook.items.slice(0, BRIEFING_LIMITS.outlook).map((r) => (
          <tr key={`${r.regionCode}:${r.categoryCode}`}>
            <td>{outlookRegionName(r, lang)}</td>
            <th scope="row">
              {categoryName({ code: r.categoryCode, zh: r.categoryZh, en: r.categoryEn }, lang)}
            </th>
            <td className="num">{formatCount(r.expected, lang)}</td>
            <td className="num">{formatCount(r.normal, lang)}</td>
            <td className="num">{formatDecimal(r.rise, lang)}</td>
            <td>{r.departments.slice(0, 2).join(lang === 'en' ? ', ' : '、') || dash}</td>
            <td>{formatDay(r.actBy, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
