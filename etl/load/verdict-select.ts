import { quoteIdentifier, sqlString } from '../../lib/sql/quote';
import { timestampSql } from '../normalise/timestamp';
import type { BoundLayout } from './detect-layout';
import { layoutSystem } from './layouts';
import type { TicketField } from './mapping-schema';
import type { NormaliseContext } from './normalise-context';
import { formatsOf, type SourceValues } from './source-values';

/**
 * The cheap first pass: for every staged row its ticket id and, when it must be rejected, the column and reason.
 * Only the id, the time received and the required fields are read, so rejected rows never cost a full
 * normalisation.
 */
export function verdictSelect(bound: BoundLayout, ctx: NormaliseContext, v: SourceValues): string {
  const header = (field: TicketField) => bound.columns[field]?.[0] ?? field;
  const received = v.receivedAt
    ? timestampSql(v.receivedAt, {
        sourceTimeZone: bound.layout.timeZone ?? ctx.deploymentTimeZone,
        deploymentTimeZone: ctx.deploymentTimeZone,
        formats: formatsOf(bound.layout.fields.receivedAt),
      })
    : 'NULL::TIMESTAMP';
  const others = requiredOthers(bound, v);
  const tooLate = `TIMESTAMP ${sqlString(ctx.loadTime)} + INTERVAL 1 DAY`;
  return `
WITH r AS (
  SELECT s._row,
    nullif(trim(${v.sourceId ?? 'NULL::VARCHAR'}), '') AS source_id,
    ${v.receivedAt ?? 'NULL'}::VARCHAR AS received_raw,
    ${received} AS received_at,
    rp.first_same_row, rp.last_id_row${others
      .map(
        (f) => `,
    nullif(trim(${v[f]}), '') IS NULL AS "missing_${f}"`,
      )
      .join('')}
  FROM ${quoteIdentifier(ctx.stagedTable)} s
  LEFT JOIN atlas_repeats rp ON rp._row = s._row
)
SELECT _row,
  ${sqlString(layoutSystem(bound.layout))} || ':' || source_id AS ticket_id,
  CASE
    WHEN source_id IS NULL THEN ${sqlString(header('sourceId'))}
    WHEN received_raw IS NULL OR received_at IS NULL THEN ${sqlString(header('receivedAt'))}
    WHEN received_at < TIMESTAMP '1990-01-01' OR received_at > ${tooLate} THEN ${sqlString(header('receivedAt'))}
    ${others.map((f) => `WHEN "missing_${f}" THEN ${sqlString(header(f))}`).join('\n    ')}
  END AS reject_column,
  CASE
    WHEN source_id IS NULL THEN 'missing id'
    WHEN received_raw IS NULL THEN 'missing time received'
    WHEN received_at IS NULL THEN 'unreadable date: ' || received_raw
    WHEN received_at < TIMESTAMP '1990-01-01' OR received_at > ${tooLate} THEN 'date out of range: ' || received_raw
    ${others.map((f) => `WHEN "missing_${f}" THEN ${sqlString(`missing ${header(f)}`)}`).join('\n    ')}
    WHEN _row > first_same_row THEN 'duplicate of row ' || first_same_row
    WHEN _row < last_id_row THEN 'superseded by row ' || last_id_row || ' with the same id in this file'
  END AS reject_reason
FROM r`;
}

/**
 * Rows whose id occurs more than once in the file (rare, so found by a GROUP BY before any window): an exact copy
 * of an earlier row is a duplicate; a different row with the same id supersedes the earlier one.
 */
export function repeatsStatement(v: SourceValues, stagedTable: string, sourceColumns: string[]): string {
  return `CREATE OR REPLACE TEMP TABLE atlas_repeats AS
    WITH ids AS (SELECT _row, nullif(trim(${v.sourceId ?? 'NULL::VARCHAR'}), '') AS sid FROM ${quoteIdentifier(stagedTable)}),
    multi AS (SELECT sid FROM ids WHERE sid IS NOT NULL GROUP BY sid HAVING count(*) > 1),
    candidates AS (
      SELECT s._row, i.sid, hash(${sourceColumns.join(', ')}) AS raw_hash
      FROM ${quoteIdentifier(stagedTable)} s JOIN ids i ON i._row = s._row
      WHERE i.sid IN (SELECT sid FROM multi)
    ),
    firsts AS (SELECT _row, sid, min(_row) OVER (PARTITION BY sid, raw_hash) AS first_same_row FROM candidates)
    SELECT _row, first_same_row,
      max(CASE WHEN _row = first_same_row THEN _row END) OVER (PARTITION BY sid) AS last_id_row
    FROM firsts`;
}

/** Non-empty checks for the layout's other required fields. */
function requiredOthers(bound: BoundLayout, v: SourceValues): TicketField[] {
  return bound.layout.required.filter((f) => f !== 'sourceId' && f !== 'receivedAt' && v[f] !== undefined);
}
