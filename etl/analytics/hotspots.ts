import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBDataChunkWriter,
  DuckDBDateValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import { cellToLatLng } from 'h3-js';
import {
  analyseScope,
  type Baseline,
  type HotspotMeasure,
  prepareBaseline,
  type ScopeAnalysis,
} from '../../lib/analytics/hotspots/analyse-scope';
import { HOTSPOT_PARAMETERS } from '../../lib/analytics/hotspots/classes';
import { recurringMonths } from '../../lib/analytics/hotspots/emerging-classes';
import {
  type CountRow,
  countMatrix,
  type StudyArea,
  scopesOf,
  studyArea,
} from '../../lib/analytics/hotspots/scopes';
import { execute } from '../../lib/db/connection';
import { bigIntToH3 } from '../../lib/geo/h3-cells';
import { h3ParentSql } from '../../lib/geo/h3-sql';
import type { AnalyticsStep } from './steps';

/**
 * Hotspot statistics per H3 cell for all appeals and for each category, over monthly time steps: Gi* per month and
 * over the whole span, FDR-corrected, and the emerging-hotspot class of each cell (docs/hotspots.md). Counting is one
 * GROUP BY in DuckDB; the statistics run in TypeScript (lib/analytics/hotspots); the three tables are replaced in
 * one transaction, so the map reads either the old results or the new ones.
 */
export const hotspotsStep: AnalyticsStep = {
  name: 'hotspots',
  description: 'Gi* hot spots and emerging-hotspot classes per H3 cell, for all appeals and each category',
  phase: 'derived',
  run: refreshHotspots,
};

const STORED_CELL_COLUMNS: Record<number, string> = { 6: 'h3_r6', 8: 'h3_r8', 10: 'h3_r10' };

/** SQL for the analysed cell of a ticket: a stored column, or the parent of the finest one. */
function cellSql(resolution: number): string {
  return STORED_CELL_COLUMNS[resolution] ?? h3ParentSql('h3_r10', resolution);
}

const METHODS: Record<HotspotMeasure, string> = {
  volume: 'Gi* on appeal counts (where appeals concentrate)',
  concentration: 'Gi* on excess over expected (cell volume × city-wide share), exact binomial p-values',
};

const HOTSPOT_TABLES_DDL = `
  CREATE OR REPLACE TABLE hotspot_cells (
    scope VARCHAR NOT NULL, resolution INTEGER NOT NULL, cell UBIGINT NOT NULL, lon DOUBLE, lat DOUBLE,
    county_code VARCHAR, town_code VARCHAR, tickets INTEGER NOT NULL, expected DOUBLE,
    gi_z DOUBLE NOT NULL, p_value DOUBLE NOT NULL, q_value DOUBLE NOT NULL, hotspot_class VARCHAR,
    trend_z DOUBLE NOT NULL, trend_p DOUBLE NOT NULL, hot_months INTEGER NOT NULL, months INTEGER NOT NULL,
    last_hot_month DATE, season_months VARCHAR);
  CREATE OR REPLACE TABLE hotspot_cell_months (
    scope VARCHAR NOT NULL, cell UBIGINT NOT NULL, month DATE NOT NULL, tickets INTEGER NOT NULL, expected DOUBLE,
    gi_z DOUBLE NOT NULL, p_value DOUBLE NOT NULL, q_value DOUBLE NOT NULL, hot BOOLEAN NOT NULL,
    cold BOOLEAN NOT NULL);
  CREATE OR REPLACE TABLE hotspot_meta (
    scope VARCHAR NOT NULL, resolution INTEGER NOT NULL, k_ring INTEGER NOT NULL, first_month DATE,
    last_month DATE, months INTEGER NOT NULL, cells INTEGER NOT NULL, study_cells INTEGER NOT NULL,
    tickets INTEGER NOT NULL, method VARCHAR NOT NULL, computed_at TIMESTAMP NOT NULL)`;

/** Located appeals per cell × month × category, months as year × 12 + month − 1. */
async function readCounts(connection: DuckDBConnection, resolution: number): Promise<CountRow[]> {
  const reader = await connection.runAndReadAll(
    `SELECT ${cellSql(resolution)} AS cell, (year(received_at) * 12 + month(received_at) - 1)::INTEGER AS month_key,
            category_l1, category_l2, count(*)::INTEGER AS tickets
     FROM tickets
     WHERE h3_r10 IS NOT NULL AND received_at IS NOT NULL
     GROUP BY ALL`,
  );
  // An empty result has no columns at all.
  if (reader.currentRowCount === 0) return [];
  const [cells, months, l1, l2, tickets] = reader.getColumnsJS() as [
    bigint[],
    number[],
    (string | null)[],
    (string | null)[],
    number[],
  ];
  return cells.map((cell, i) => ({
    cell,
    monthKey: months[i]!,
    l1: l1[i]!,
    l2: l2[i]!,
    tickets: tickets[i]!,
    cellIndex: -1,
    monthIndex: -1,
  }));
}

/** The street (and its district) holding most of each cell's appeals; ties go to the smaller code. */
async function readCellRegions(
  connection: DuckDBConnection,
  resolution: number,
): Promise<Map<bigint, { county: string | null; town: string | null }>> {
  const reader = await connection.runAndReadAll(
    `SELECT cell, county_code, town_code
     FROM (SELECT ${cellSql(resolution)} AS cell, county_code, town_code, count(*) AS n
           FROM tickets WHERE h3_r10 IS NOT NULL GROUP BY ALL)
     QUALIFY row_number() OVER (PARTITION BY cell ORDER BY county_code IS NULL, n DESC, county_code, town_code) = 1`,
  );
  const regions = new Map<bigint, { county: string | null; town: string | null }>();
  for (const row of reader.getRowObjectsJS()) {
    regions.set(row.cell as bigint, {
      county: row.county_code as string | null,
      town: row.town_code as string | null,
    });
  }
  return regions;
}

function monthDate(monthKey: number): DuckDBDateValue {
  return new DuckDBDateValue(Date.UTC(Math.floor(monthKey / 12), monthKey % 12, 1) / 86_400_000);
}

export async function refreshHotspots(connection: DuckDBConnection): Promise<void> {
  const { resolution, kRing } = HOTSPOT_PARAMETERS;
  const rows = await readCounts(connection, resolution);
  const regions = await readCellRegions(connection, resolution);
  await execute(connection, 'BEGIN TRANSACTION');
  let writer: HotspotWriter | undefined;
  try {
    await execute(connection, HOTSPOT_TABLES_DDL);
    if (rows.length > 0) {
      const area = studyArea(rows);
      writer = await HotspotWriter.open(connection, area, regions);
      const baselines: Record<'l1' | 'l2', Baseline> = {
        l1: prepareBaseline(
          countMatrix(
            rows.filter((row) => row.l1 !== null),
            area,
          ),
          area.neighbourhoods,
        ),
        l2: prepareBaseline(
          countMatrix(
            rows.filter((row) => row.l2 !== null),
            area,
          ),
          area.neighbourhoods,
        ),
      };
      const meta: DuckDBValue[][] = [];
      for (const scope of scopesOf(rows)) {
        const observed = countMatrix(scope.rows, area);
        const analysis = analyseScope(
          {
            measure: scope.measure,
            observed,
            baseline: scope.baseLevel && baselines[scope.baseLevel],
            firstCalendarMonth: (area.firstMonthKey % 12) + 1,
          },
          area.neighbourhoods,
        );
        const cells = writer.append(
          scope.scope,
          observed,
          scope.baseLevel && baselines[scope.baseLevel],
          analysis,
        );
        meta.push([
          scope.scope,
          resolution,
          kRing,
          monthDate(area.firstMonthKey),
          monthDate(area.firstMonthKey + area.months - 1),
          area.months,
          cells,
          area.cells.length,
          analysis.tickets.reduce((a, b) => a + b, 0),
          METHODS[scope.measure],
        ]);
      }
      writer.close();
      writer = undefined;
      // One statement for all scopes: the rows are few, and one INSERT per scope cost a round trip each.
      const placeholders = meta.map(
        (row, r) => `(${row.map((_, c) => `$${r * row.length + c + 1}`).join(', ')}, now()::TIMESTAMP)`,
      );
      await execute(connection, `INSERT INTO hotspot_meta VALUES ${placeholders.join(', ')}`, meta.flat());
    }
    await execute(connection, 'COMMIT');
  } catch (error) {
    writer?.discard();
    await execute(connection, 'ROLLBACK');
    throw error;
  }
}

/**
 * Appends a scope's rows to hotspot_cells and hotspot_cell_months. Rows go through data-chunk writers (2,048 rows
 * per native call) rather than one appender call per value: a million cell-months otherwise cost several seconds of
 * native-call overhead alone.
 */
class HotspotWriter {
  private readonly cells: DuckDBDataChunkWriter;
  private readonly months: DuckDBDataChunkWriter;
  private readonly monthDates: DuckDBDateValue[];

  private constructor(
    private readonly appenders: DuckDBAppender[],
    private readonly area: StudyArea,
    private readonly centres: [number, number][],
    private readonly regions: Map<bigint, { county: string | null; town: string | null }>,
  ) {
    this.cells = DuckDBDataChunkWriter.forAppender(appenders[0]!);
    this.months = DuckDBDataChunkWriter.forAppender(appenders[1]!);
    this.monthDates = Array.from({ length: area.months }, (_, t) => monthDate(area.firstMonthKey + t));
  }

  static async open(
    connection: DuckDBConnection,
    area: StudyArea,
    regions: Map<bigint, { county: string | null; town: string | null }>,
  ): Promise<HotspotWriter> {
    const centres = area.cells.map((cell) => {
      const [lat, lon] = cellToLatLng(bigIntToH3(cell));
      return [lon, lat] as [number, number];
    });
    const appenders = [
      await connection.createAppender('hotspot_cells'),
      await connection.createAppender('hotspot_cell_months'),
    ];
    return new HotspotWriter(appenders, area, centres, regions);
  }

  /** Writes the cells that have appeals of the scope or are significant; returns how many. */
  append(
    scope: string,
    observed: readonly Int32Array[],
    baseline: Baseline | undefined,
    analysis: ScopeAnalysis,
  ): number {
    const { area } = this;
    const months = analysis.months;
    const firstCalendarMonth = (area.firstMonthKey % 12) + 1;
    let written = 0;
    const cellRow: (DuckDBValue | null)[] = [];
    const monthRow: (DuckDBValue | null)[] = [];
    for (let i = 0; i < area.cells.length; i++) {
      const cls = analysis.classes[i] ?? null;
      // A cell without appeals of its own is still written when its neighbourhood made it significant, over the
      // span or in any month, so that every hotspot_cell_months row has its hotspot_cells row.
      const significant =
        analysis.whole.hot[i] ||
        analysis.whole.cold[i] ||
        analysis.hotMonths[i]! + analysis.coldMonths[i]! > 0;
      if (analysis.tickets[i] === 0 && !significant) continue;
      written++;
      const cell = area.cells[i]!;
      const region = this.regions.get(cell);
      const last = analysis.lastHotMonth[i]!;
      cellRow.length = 0;
      cellRow.push(
        scope,
        HOTSPOT_PARAMETERS.resolution,
        cell,
        this.centres[i]![0],
        this.centres[i]![1],
        region?.county ?? null,
        region?.town ?? null,
        analysis.tickets[i]!,
        baseline ? baseline.whole[i]! * analysis.whole.share! : null,
        analysis.whole.z[i]!,
        analysis.whole.p[i]!,
        analysis.whole.q[i]!,
        cls,
        analysis.trendZ[i]!,
        analysis.trendP[i]!,
        analysis.hotMonths[i]!,
        area.months,
        last < 0 ? null : this.monthDates[last]!,
        cls === 'seasonal'
          ? recurringMonths(
              months.map((month) => month.hot[i] === 1),
              firstCalendarMonth,
            ).join(',')
          : null,
      );
      this.cells.appendRow(cellRow);
      for (let t = 0; t < months.length; t++) {
        const month = months[t]!;
        if (observed[t]![i] === 0 && !month.hot[i] && !month.cold[i]) continue;
        monthRow.length = 0;
        monthRow.push(
          scope,
          cell,
          this.monthDates[t]!,
          observed[t]![i]!,
          baseline ? baseline.months[t]![i]! * month.share! : null,
          month.z[i]!,
          month.p[i]!,
          month.q[i]!,
          month.hot[i] === 1,
          month.cold[i] === 1,
        );
        this.months.appendRow(monthRow);
      }
    }
    return written;
  }

  close(): void {
    this.cells.flush();
    this.months.flush();
    for (const appender of this.appenders) appender.closeSync();
  }

  /** Closes the appenders after a failure; whatever they still hold is rolled back with the transaction. */
  discard(): void {
    for (const appender of this.appenders) {
      try {
        appender.closeSync();
      } catch {
        // The transaction is being rolled back; a failed flush has nothing left to lose.
      }
    }
  }
}
