import { h3ParentSql } from '../../lib/geo/h3-sql';
import { quoteIdentifier, sqlString } from '../../lib/sql/quote';
import { callerKeySql } from '../normalise/caller-key-sql';
import { doubleSql, integerSql } from '../normalise/codes';
import { dueFromDaysSql, handlingHoursSql, overdueSql } from '../normalise/durations';
import { maskTextSql } from '../normalise/privacy-sql';
import { timestampSql } from '../normalise/timestamp';
import type { BoundLayout } from './detect-layout';
import { buildDimensions } from './dimensions';
import { layoutSystem } from './layouts';
import type { TicketField } from './mapping-schema';
import type { NormaliseContext } from './normalise-context';
import { formatsOf, type SourceValues, sourceValues } from './source-values';
import { repeatsStatement, verdictSelect } from './verdict-select';

export type { NormaliseContext } from './normalise-context';

const NULL = 'NULL';

/** The SQL that normalises one staged file. */
export interface NormalisingSql {
  /** TEMP tables to create first: dimension lookups and the rows whose id repeats. */
  statements: string[];
  /** The TEMP tables `statements` create, to drop once the file is written. */
  tables: string[];
  /** SELECT of every staged row's `_row`, `ticket_id`, `reject_column`, `reject_reason` (NULL = accepted). */
  verdict: string;
  /**
   * SELECT of canonical ticket rows (`_row` plus every tickets column but `row_hash`) for the staged rows chosen by
   * `rows`. DuckDB does the parsing; JS UDFs do only coordinates, H3 and point-in-polygon.
   */
  tickets: (rows: RowChoice) => string;
}

/**
 * Which staged rows to normalise, by a table with a `_row` column: the rows it lists, or all rows but those. The
 * second is what a load of new tickets needs: its list (rejected and already-known rows) is usually short, and
 * an anti-join against a short list costs far less than a semi-join against a million-row one.
 */
export type RowChoice = { only: string } | { except: string };

export function normalisedSelect(bound: BoundLayout, ctx: NormaliseContext): NormalisingSql {
  const layout = bound.layout;
  const v: SourceValues = sourceValues(bound);
  const dims = buildDimensions(v, ctx.stagedTable);
  const dim = dims.columns;
  const f = (field: TicketField) => v[field] ?? NULL;
  const ts = (field: TicketField) =>
    v[field]
      ? timestampSql(f(field), {
          sourceTimeZone: layout.timeZone ?? ctx.deploymentTimeZone,
          deploymentTimeZone: ctx.deploymentTimeZone,
          formats: formatsOf(layout.fields[field]),
        })
      : 'NULL::TIMESTAMP';
  const text = (field: TicketField) => (v[field] ? `nullif(trim(${f(field)}), '')` : 'NULL::VARCHAR');
  const masked = (field: TicketField) => {
    if (!v[field]) return 'NULL::VARCHAR';
    const name = v.callerName;
    // A caller's name written into their own appeal text is masked with the row's name column (`contains` first:
    // it spares copying every text the name does not occur in).
    const withoutName = name
      ? `CASE WHEN length(${name}) >= 2 AND contains(${f(field)}, ${name}) THEN replace(${f(field)}, ${name}, '*') ELSE ${f(field)} END`
      : f(field);
    return maskTextSql(withoutName);
  };
  const system = sqlString(layoutSystem(layout));
  const sourceColumns = bound.allHeaders.map((h) => `s.${quoteIdentifier(h)}`);

  const src = (rows: RowChoice) => `
    SELECT
      s._row,
      ${text('sourceId')} AS source_id,
      ${text('channel')} AS channel,
      ${ts('receivedAt')} AS received_at,
      ${ts('dispatchedAt')} AS dispatched_at,
      ${ts('firstResponseAt')} AS first_response_at,
      coalesce(${ts('dueAt')}, ${v.dueDays ? dueFromDaysSql(ts('receivedAt'), integerSql(f('dueDays'))) : 'NULL::TIMESTAMP'}) AS due_at,
      ${ts('closedAt')} AS closed_at,
      ${dim.appeal_type} AS appeal_type,
      ${dim.category_code} AS category_code,
      ${dim.category_origin} AS category_origin,
      ${text('categoryL1')} AS category_l1_raw,
      ${text('categoryL2')} AS category_l2_raw,
      ${text('categoryL3')} AS category_l3_raw,
      ${masked('title')} AS title,
      ${masked('content')} AS content,
      ${masked('reply')} AS reply,
      ${dim.code_region} AS code_region,
      ${dim.county_by_name} AS county_by_name,
      ${dim.town_by_name} AS town_by_name,
      ${text('county')} AS county_raw,
      ${text('town')} AS town_raw,
      ${text('community')} AS community_raw,
      ${dim.address} AS address,
      ${dim.place_key} AS place_key,
      ${v.lon ? doubleSql(f('lon')) : 'NULL::DOUBLE'} AS lon_in,
      ${v.lat ? doubleSql(f('lat')) : 'NULL::DOUBLE'} AS lat_in,
      coalesce(${dim.coord_system_raw}, 'WGS84') AS coord_system_raw,
      ${text('department')} AS department,
      ${v.coDepartments ? `list_filter(list_transform(string_split_regex(${f('coDepartments')}, '[,，、;；/]'), x -> trim(x)), x -> x <> '')` : 'NULL::VARCHAR[]'} AS co_departments,
      ${v.dispatchCount ? integerSql(f('dispatchCount')) : 'NULL::INTEGER'} AS dispatch_count,
      ${dim.returned} AS returned,
      ${dim.escalated} AS escalated,
      ${dim.status_in} AS status_in,
      ${dim.resolved} AS resolved,
      ${dim.satisfaction} AS satisfaction,
      ${callerExpression(v, ctx.secret)} AS caller_key
    FROM ${quoteIdentifier(ctx.stagedTable)} s
    ${'only' in rows ? 'SEMI' : 'ANTI'} JOIN ${'only' in rows ? rows.only : rows.except} chosen ON chosen._row = s._row
    ${dims.joins.join('\n    ')}`;

  const tickets = (rows: RowChoice) => `
WITH src AS (${src(rows)}),
geo AS (
  SELECT *,
    (lon_in IS NOT NULL AND lat_in IS NOT NULL AND abs(lat_in) <= 90 AND abs(lon_in) <= 180
      AND NOT (lon_in = 0 AND lat_in = 0)) AS coord_valid
  FROM src
),
wgs AS (
  SELECT *,
    -- One JS call per chunk: WGS-84 point, region (when the deployment has boundaries) and H3 cell. The region
    -- comes back as a position in atlas_point_regions: an integer crosses back into DuckDB far cheaper than a code.
    CASE WHEN coord_valid THEN atlas_locate(lon_in, lat_in, coord_system_raw, ${ctx.hasBoundaries ? 'true' : 'false'}) END AS geo_out
  FROM geo
),
placed AS (
  SELECT *,
    geo_out.lon AS lon_w,
    geo_out.lat AS lat_w,
    geo_out.region AS point_pos
  FROM wgs
),
located AS (
  SELECT p.*,
    (lon_in IS NOT NULL OR lat_in IS NOT NULL) AND (NOT coord_valid ${ctx.hasBoundaries ? 'OR point_pos IS NULL' : ''}) AS coord_out_of_area
  FROM placed p
),
regioned AS (
  SELECT l.*,
    coalesce(
      CASE WHEN rcl.level >= 4 THEN code_region END,
      town_by_name,
      CASE WHEN pr.level = 4 THEN pr.code END
    ) AS town_code,
    coalesce(
      CASE WHEN rcl.level = 3 THEN code_region WHEN rcl.level >= 4 THEN rcl.parent_code END,
      county_by_name,
      tn.parent_code,
      CASE WHEN pr.level = 3 THEN pr.code WHEN pr.level = 4 THEN pr.parent_code END
    ) AS county_code,
    CASE
      WHEN code_region IS NOT NULL THEN 'code'
      WHEN county_by_name IS NOT NULL OR town_by_name IS NOT NULL THEN 'name'
      WHEN pr.code IS NOT NULL THEN 'point'
    END AS region_method
  FROM located l
  LEFT JOIN regions rcl ON rcl.code = l.code_region
  LEFT JOIN regions tn ON tn.code = l.town_by_name
  LEFT JOIN atlas_point_regions pr ON pr.pos = l.point_pos
),
finished AS (
  SELECT c.*,
    ${system} || ':' || c.source_id AS ticket_id,
    cat.level AS category_level,
    CASE WHEN cat.level = 1 THEN cat.code ELSE cat.parent_code END AS category_l1,
    CASE WHEN cat.level = 2 THEN cat.code END AS category_l2,
    coalesce(c.status_in, CASE WHEN c.closed_at IS NOT NULL THEN 'closed' END) AS status,
    cty.parent_code AS city_code,
    prv.parent_code AS province_code,
    CASE WHEN NOT c.coord_out_of_area THEN c.lon_w END AS lon,
    CASE WHEN NOT c.coord_out_of_area THEN c.lat_w END AS lat
  FROM regioned c
  LEFT JOIN categories cat ON cat.code = c.category_code
  LEFT JOIN regions cty ON cty.code = c.county_code
  LEFT JOIN regions prv ON prv.code = cty.parent_code
),
hashed AS (
  SELECT *, CASE WHEN NOT coord_out_of_area THEN geo_out.h3 END AS h3_r10 FROM finished
)
SELECT
  _row,
  ticket_id,
  coalesce(channel, 'unknown') AS channel,
  source_id,
  ${sqlString(layout.id)} AS source_layout,
  ${ctx.loadId}::INTEGER AS load_id,
  ${sqlString(ctx.fileName)} AS source_file,
  _row AS source_row,
  received_at, dispatched_at, first_response_at, due_at, closed_at,
  appeal_type,
  category_code, category_l1, category_l2,
  nullif(concat_ws(' / ', category_l1_raw, category_l2_raw, category_l3_raw), '') AS category_raw,
  category_origin,
  NULL::DOUBLE AS category_confidence,
  title, content, reply,
  coalesce(town_code, county_code) AS region_code,
  province_code, city_code, county_code, town_code,
  NULL::VARCHAR AS community_code,
  nullif(concat_ws(' ', county_raw, town_raw, community_raw), '') AS region_raw,
  region_method,
  address, place_key,
  lon, lat,
  CASE WHEN lon_in IS NOT NULL THEN coord_system_raw END AS coord_system_raw,
  ${h3ParentSql('h3_r10', 6)} AS h3_r6,
  ${h3ParentSql('h3_r10', 8)} AS h3_r8,
  h3_r10,
  department, co_departments, dispatch_count, returned, escalated,
  status, resolved, satisfaction,
  ${overdueSql('closed_at', 'due_at', `TIMESTAMP ${sqlString(ctx.loadTime)}`)} AS overdue,
  ${handlingHoursSql('received_at', 'closed_at')} AS handling_hours,
  caller_key
FROM hashed`;
  return {
    statements: [...dims.statements, repeatsStatement(v, ctx.stagedTable, sourceColumns)],
    tables: [...dims.tables, 'atlas_repeats'],
    verdict: verdictSelect(bound, ctx, v),
    tickets,
  };
}

/** The caller key from the strongest identifier the row has: phone, then ID number, then platform account. */
function callerExpression(v: SourceValues, secret: Uint8Array): string {
  const parts: string[] = [];
  if (v.callerPhone) parts.push(callerKeySql(v.callerPhone, secret, 'phone'));
  if (v.callerIdNumber) parts.push(callerKeySql(v.callerIdNumber, secret, 'id'));
  if (v.callerAccount) parts.push(callerKeySql(v.callerAccount, secret, 'account'));
  return parts.length === 0
    ? 'NULL::VARCHAR'
    : parts.length === 1
      ? (parts[0] as string)
      : `coalesce(${parts.join(', ')})`;
}
