import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExports } from '../../etl/cli/commands/demo';
import type { LoadFilesOutcome } from '../../etl/load/load-files';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

/** Issue 4's acceptance: the committed samples load, and exactly the planted defects are rejected. */
interface DefectItem {
  kind: 'bad_date' | 'duplicate_row' | 'unknown_region' | 'out_of_area';
  file: string;
  rows: number[];
  sourceId: string;
}
const truth = JSON.parse(readFileSync('data-samples/ground-truth.json', 'utf8')) as {
  counts: { expectedLoaded: number };
  defects: { counts: Record<string, number>; items: DefectItem[] };
  repeatCallers: { ticketIds: string[] }[];
  crossChannelDuplicates: { ticketIds: string[] }[];
};
const items = (kind: DefectItem['kind']) => truth.defects.items.filter((i) => i.kind === kind);

const tmp = makeTempDir('sample-city');
const config = testConfig(tmp.dir);
let outcome: LoadFilesOutcome;
beforeAll(async () => {
  outcome = await load(sampleExports(), config);
}, 180_000);
afterAll(() => tmp.cleanup());

describe('loading the committed sample city', () => {
  it('loads every export and balances', () => {
    expect(outcome.results.map((r) => r.status)).toEqual(['loaded', 'loaded', 'loaded']);
    for (const r of outcome.results) expect(r.read).toBe(r.loaded + r.updated + r.unchanged + r.rejected);
    expect(outcome.results.reduce((n, r) => n + r.loaded, 0)).toBe(truth.counts.expectedLoaded);
  });

  it('rejects exactly the planted bad dates and duplicated rows, and nothing else', async () => {
    const rejected = await query<{ file_name: string; row_number: number; reason: string }>(
      config,
      'SELECT file_name, row_number, reason FROM rejected_rows ORDER BY file_name, row_number',
    );
    const expected = [
      ...items('bad_date').map((i) => ({
        file_name: i.file,
        row_number: i.rows[0],
        reason: 'unreadable date',
      })),
      ...items('duplicate_row').map((i) => ({
        file_name: i.file,
        row_number: i.rows[1],
        reason: `duplicate of row ${i.rows[0]}`,
      })),
    ].sort((a, b) => a.file_name.localeCompare(b.file_name) || (a.row_number ?? 0) - (b.row_number ?? 0));
    expect(expected.length).toBe(truth.defects.counts.badDates! + truth.defects.counts.duplicateRows!);
    expect(rejected.map((r) => ({ ...r, reason: r.reason.replace(/: .*/, '') }))).toEqual(expected);
  });

  it('nulls and counts the out-of-area coordinates, and leaves unknown regions unresolved', async () => {
    expect(outcome.results.reduce((n, r) => n + r.outOfArea, 0)).toBe(
      truth.defects.counts.outOfAreaCoordinates,
    );
    const ids = (kind: DefectItem['kind']) =>
      items(kind)
        .map((i) => `'${i.sourceId}'`)
        .join(', ');
    const [outside] = await query<{ n: number; located: number }>(
      config,
      `SELECT count(*)::INTEGER AS n, count(lon)::INTEGER AS located FROM tickets WHERE source_id IN (${ids('out_of_area')})`,
    );
    expect(outside).toEqual({ n: truth.defects.counts.outOfAreaCoordinates, located: 0 });
    const [unknown] = await query<{ n: number; resolved: number }>(
      config,
      `SELECT count(*)::INTEGER AS n, count(county_code)::INTEGER AS resolved FROM tickets WHERE source_id IN (${ids('unknown_region')})`,
    );
    expect(unknown).toEqual({ n: truth.defects.counts.unknownRegions, resolved: 0 });
  });

  it('resolves a region for every other ticket', async () => {
    const [row] = await query<{ unresolved: number }>(
      config,
      'SELECT count(*) FILTER (WHERE county_code IS NULL)::INTEGER AS unresolved FROM tickets',
    );
    expect(row?.unresolved).toBe(truth.defects.counts.unknownRegions);
  });

  it('gives each planted repeat caller and each cross-channel duplicate one caller key', async () => {
    const groups = [...truth.repeatCallers, ...truth.crossChannelDuplicates];
    const pairs = groups.flatMap((g, i) => g.ticketIds.map((t) => `(${i}, '${t}')`)).join(', ');
    const rows = await query<{ g: number; keys: number; tickets: number; key: string }>(
      config,
      `SELECT g, count(DISTINCT caller_key)::INTEGER AS keys, count(t.ticket_id)::INTEGER AS tickets, any_value(caller_key) AS key
       FROM (VALUES ${pairs}) v(g, id) LEFT JOIN tickets t ON t.source_id = v.id GROUP BY g ORDER BY g`,
    );
    expect(rows).toHaveLength(groups.length);
    for (const row of rows) {
      expect(row.keys, `group ${row.g}`).toBe(1);
      expect(row.tickets).toBe(groups[row.g]?.ticketIds.length);
      expect(row.key).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('stores no phone number or ID number from the planted personal data', async () => {
    const [row] = await query<{ n: number }>(
      config,
      `SELECT count(*)::INTEGER AS n FROM tickets
       WHERE regexp_matches(concat_ws(' ', title, content, reply, address), '(^|\\D)1[3-9]\\d{9}(\\D|$)|\\d{17}[\\dXx]')`,
    );
    expect(row?.n).toBe(0);
    const [masked] = await query<{ n: number }>(
      config,
      "SELECT count(*)::INTEGER AS n FROM tickets WHERE content LIKE '%****%'",
    );
    expect(masked?.n).toBeGreaterThan(200);
  });
});
