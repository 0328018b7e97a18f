import type { DeploymentConfig } from '../../lib/config';
import { query } from '../support/warehouse';

/**
 * Every figure the briefing's text may contain for one month, computed straight from `tickets` (and the tables the
 * analytics steps wrote) with SQL written here, not through lib/queries or the rollups: the figure ids are those of
 * lib/briefing/text (docs/briefing.md). Rates are ratios; changes of rates are differences of ratios.
 */
export async function expectedFigures(config: DeploymentConfig, month: string): Promise<Map<string, number>> {
  const figures = new Map<string, number>();
  const set = (id: string, value: number) => figures.set(id, value);
  const from = `${month}-01`;
  const prevFrom = shift(from, -1);
  const lastYearFrom = shift(from, -12);
  const inMonth = (start: string, alias = '') =>
    `${alias}received_at >= DATE '${start}' AND ${alias}received_at < DATE '${start}' + INTERVAL 1 MONTH`;
  const q = <Row>(sql: string) => query<Row>(config, sql);

  const kpiSql = (start: string) => `
    SELECT count(*)::INTEGER AS appeals,
           count(*) FILTER (WHERE resolved)::DOUBLE / nullif(count(resolved), 0) AS "resolvedRate",
           count(*) FILTER (WHERE satisfaction IN ('satisfied', 'basically_satisfied'))::DOUBLE
             / nullif(count(satisfaction), 0) AS "satisfactionRate",
           count(*) FILTER (WHERE status = 'closed' AND closed_at <= due_at)::DOUBLE
             / nullif(count(*) FILTER (WHERE status = 'closed' AND due_at IS NOT NULL AND closed_at IS NOT NULL), 0)
             AS "onTimeRate",
           count(*) FILTER (WHERE returned)::DOUBLE / nullif(count(returned), 0) AS "returnRate",
           count(r.ticket_id)::DOUBLE / nullif(count(caller_key), 0) AS "repeatRate",
           count(*) FILTER (WHERE overdue)::INTEGER AS "overdueCount",
           count(r.ticket_id)::INTEGER AS repeats,
           count(*) FILTER (WHERE status NOT IN ('closed', 'cancelled'))::INTEGER AS "stillOpen"
    FROM tickets t LEFT JOIN repeat_appeals r USING (ticket_id) WHERE ${inMonth(start, 't.')}`;
  type Kpis = Record<
    | 'appeals'
    | 'resolvedRate'
    | 'satisfactionRate'
    | 'onTimeRate'
    | 'returnRate'
    | 'repeatRate'
    | 'overdueCount'
    | 'repeats'
    | 'stillOpen',
    number | null
  >;
  const [[cur], [prev], [lastYear]] = await Promise.all([
    q<Kpis>(kpiSql(from)),
    q<Kpis>(kpiSql(prevFrom)),
    q<Kpis>(kpiSql(lastYearFrom)),
  ]);
  if (!cur || !prev || !lastYear) throw new Error('no KPI row');
  const appeals = cur.appeals ?? 0;
  set('appeals', appeals);
  if (prev.appeals) set('appeals.mom', (appeals - prev.appeals) / prev.appeals);
  if (lastYear.appeals) set('appeals.yoy', (appeals - lastYear.appeals) / lastYear.appeals);
  for (const id of ['resolvedRate', 'satisfactionRate', 'onTimeRate', 'returnRate', 'repeatRate'] as const) {
    const value = cur[id];
    if (value === null) continue;
    set(id, value);
    const before = prev[id];
    if (before !== null) set(`${id}.mom`, value - before);
  }
  set('overdueCount', cur.overdueCount ?? 0);
  set('overdueCount.momDiff', Math.abs((cur.overdueCount ?? 0) - (prev.overdueCount ?? 0)));
  set('repeats.count', cur.repeats ?? 0);
  set('stillOpen', cur.stillOpen ?? 0);
  set('stillOpen.share', (cur.stillOpen ?? 0) / appeals);

  for (const r of await q<{ channel: string; n: number }>(
    `SELECT channel, count(*)::INTEGER AS n FROM tickets WHERE ${inMonth(from)} GROUP BY 1`,
  )) {
    set(`channel.tickets:${r.channel}`, r.n);
    set(`channel.share:${r.channel}`, r.n / appeals);
  }
  const types = await q<{ type: string; n: number }>(
    `SELECT appeal_type AS type, count(*)::INTEGER AS n FROM tickets WHERE ${inMonth(from)} AND appeal_type IS NOT NULL GROUP BY 1`,
  );
  const typed = types.reduce((s, t) => s + t.n, 0);
  set('type.known', typed);
  for (const t of types) {
    set(`type.tickets:${t.type}`, t.n);
    set(`type.share:${t.type}`, t.n / typed);
  }

  const categories = await q<{ code: string; cur: number; prev: number }>(
    `SELECT category_l2 AS code, count(*) FILTER (WHERE ${inMonth(from)})::INTEGER AS cur,
            count(*) FILTER (WHERE ${inMonth(prevFrom)})::INTEGER AS prev
     FROM tickets WHERE category_l2 IS NOT NULL AND received_at >= DATE '${prevFrom}'
       AND received_at < DATE '${from}' + INTERVAL 1 MONTH
     GROUP BY 1`,
  );
  for (const c of categories) {
    set(`category.tickets:${c.code}`, c.cur);
    set(`category.share:${c.code}`, c.cur / appeals);
    set(`category.change:${c.code}`, c.cur - c.prev);
    set(`category.previous:${c.code}`, c.prev);
    if (c.prev > 0) set(`category.changeRate:${c.code}`, (c.cur - c.prev) / c.prev);
  }
  // The rising rule of the overview: at least 10 appeals in one of the months, more than the month before.
  const rising = categories
    .filter((c) => Math.max(c.cur, c.prev) >= 10 && c.cur > c.prev)
    .sort((a, b) => b.cur - b.prev - (a.cur - a.prev) || a.code.localeCompare(b.code))
    .slice(0, 3);
  const risingTickets = rising.reduce((s, c) => s + c.cur, 0);
  set('rising.tickets', risingTickets);
  set('rising.share', risingTickets / appeals);

  const districts = await q<{ code: string | null; n: number; population: number | null }>(
    `SELECT t.county_code AS code, count(*)::INTEGER AS n, any_value(r.population)::DOUBLE AS population
     FROM tickets t LEFT JOIN regions r ON r.code = t.county_code WHERE ${inMonth(from, 't.')} GROUP BY 1`,
  );
  for (const d of districts) {
    if (d.code === null) {
      set('districts.unlocated', d.n);
      continue;
    }
    set(`district.tickets:${d.code}`, d.n);
    if (d.population) set(`district.per10k:${d.code}`, (d.n * 10000) / d.population);
  }
  set('districts.withPopulation', districts.filter((d) => d.code !== null && d.population).length);

  const [hotTables] = await q<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name IN ('hotspot_cells', 'hotspot_cell_months')",
  );
  if (hotTables?.n === 2) {
    const hot = await q<{ county: string | null; n: number }>(
      `SELECT r.name AS county, count(*)::INTEGER AS n
       FROM hotspot_cell_months m JOIN hotspot_cells c ON c.scope = m.scope AND c.cell = m.cell
       LEFT JOIN regions r ON r.code = c.county_code
       WHERE m.scope = 'all' AND m.month::DATE = DATE '${from}' AND m.hot GROUP BY 1`,
    );
    set(
      'hotspots.cells',
      hot.reduce((s, h) => s + h.n, 0),
    );
    for (const h of hot) if (h.county) set(`hotspots.cellsIn:${h.county}`, h.n);
  }

  for (const r of await q<{ code: string; n: number }>(
    `SELECT category_l2 AS code, count(*)::INTEGER AS n FROM tickets JOIN repeat_appeals USING (ticket_id)
     WHERE ${inMonth(from)} AND category_l2 IS NOT NULL GROUP BY 1`,
  ))
    set(`repeatCategory.repeats:${r.code}`, r.n);

  // Department score: complexity 1 (+1 co-handled, +1 escalated, +1 repeat, +0.5 redispatched), handled well =
  // closed, not overdue, not unresolved, not dissatisfied; 20 points at the city rate; ranked from 20 tickets.
  const departments = await q<{ department: string; n: number; c: number; w: number; onTime: number | null }>(
    `SELECT department, count(*)::INTEGER AS n, sum(cx)::DOUBLE AS c, sum(cx * well::INTEGER)::DOUBLE AS w,
            count(*) FILTER (WHERE status = 'closed' AND closed_at <= due_at)::DOUBLE
              / nullif(count(*) FILTER (WHERE status = 'closed' AND due_at IS NOT NULL AND closed_at IS NOT NULL), 0)
              AS "onTime"
     FROM (
       SELECT t.*, 1.0 + (coalesce(len(co_departments), 0) > 0)::INTEGER + coalesce(escalated, false)::INTEGER
                 + (r.ticket_id IS NOT NULL)::INTEGER + 0.5 * (coalesce(dispatch_count, 1) > 1)::INTEGER AS cx,
              (status = 'closed' AND NOT coalesce(overdue, false) AND coalesce(resolved, true)
                AND satisfaction IS DISTINCT FROM 'dissatisfied') AS well
       FROM tickets t LEFT JOIN repeat_appeals r USING (ticket_id) WHERE ${inMonth(from, 't.')}
     ) WHERE department IS NOT NULL GROUP BY 1`,
  );
  const cityRate = departments.reduce((s, d) => s + d.w, 0) / departments.reduce((s, d) => s + d.c, 0);
  for (const d of departments) {
    set(`department.score:${d.department}`, (100 * (d.w + 20 * cityRate)) / (d.c + 20));
    if (d.onTime !== null) set(`department.onTime:${d.department}`, d.onTime);
  }
  set('departments.ranked', departments.filter((d) => d.n >= 20).length);

  const places = await q<{ n: number; months: number }>(
    `SELECT count(*) FILTER (WHERE ${inMonth(from)})::INTEGER AS n,
            count(DISTINCT date_trunc('month', received_at)) FILTER (WHERE received_at < DATE '${from}')::INTEGER AS months,
            count(*) FILTER (WHERE received_at < DATE '${from}')::INTEGER AS earlier
     FROM tickets WHERE place_key IS NOT NULL AND address IS NOT NULL
       AND received_at >= DATE '${shift(from, -5)}' AND received_at < DATE '${from}' + INTERVAL 1 MONTH
     GROUP BY place_key HAVING n >= 2 AND months >= 2
     ORDER BY n DESC, earlier DESC, place_key`,
  );
  set('places.count', places.length);
  if (places[0]) {
    set('place.tickets:0', places[0].n);
    set('place.earlierMonths:0', places[0].months);
  }

  const [calendar] = await q<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'forecast_calendar'",
  );
  if (calendar?.n === 1)
    for (const r of await q<{ key: string; expected: number; normal: number; rise: number }>(
      `SELECT region_code || ':' || category_code AS key, expected, normal, rise FROM forecast_calendar
       WHERE month::DATE = DATE '${shift(from, 1)}'`,
    )) {
      set(`outlook.expected:${r.key}`, r.expected);
      set(`outlook.normal:${r.key}`, r.normal);
      set(`outlook.rise:${r.key}`, r.rise);
    }
  return figures;
}

/** YYYY-MM-01 moved by whole months. */
function shift(firstOfMonth: string, months: number): string {
  const d = new Date(`${firstOfMonth}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}
