import {
  BOOLEAN,
  DOUBLE,
  type DuckDBConnection,
  DuckDBScalarFunction,
  type DuckDBScalarMainFunction,
  INTEGER,
  STRUCT,
  UBIGINT,
  VARCHAR,
} from '@duckdb/node-api';
import { type CoordinateSystem, toWgs84 } from '../../lib/geo/coordinates';
import { cellAt } from '../../lib/geo/h3-cells';
import type { RegionIndex } from '../../lib/geo/region-index';
import { locateMain, SystemLabels } from './locate';

/** What the geo UDFs need: the point-in-polygon index of the deployment's boundaries, if it has any. */
export interface GeoFunctionContext {
  regionIndex?: RegionIndex | null;
}

type Axis = 0 | 1;

interface ConvertedChunk {
  lons: Float64Array;
  lats: Float64Array;
  systems: CoordinateSystem[];
  wgs84: Float64Array;
  served: Axis;
}

/**
 * DuckDB calls `atlas_wgs84_lon` and `atlas_wgs84_lat` on the same chunk one after the other, though chunks of
 * several threads interleave. The first call of a chunk converts both axes and parks the result here; the second
 * finds it (same row count and equal inputs) instead of running gcoord's iterative GCJ-02 inverse again.
 */
class ConvertedChunks {
  private readonly parked = new Map<string, ConvertedChunk>();
  constructor(readonly labels: SystemLabels) {}

  systemOf(text: string | null): CoordinateSystem {
    return this.labels.systemOf(text);
  }

  convert(lons: Float64Array, lats: Float64Array, systems: CoordinateSystem[], axis: Axis): Float64Array {
    const n = lons.length;
    const key = `${n}:${lons[0]}:${lats[0]}:${lons[n - 1]}:${lats[n - 1]}`;
    const hit = this.parked.get(key);
    if (hit && hit.served !== axis && sameInputs(hit, lons, lats, systems)) {
      this.parked.delete(key);
      return hit.wgs84;
    }
    const wgs84 = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      const [x, y] = toWgs84(lons[i]!, lats[i]!, systems[i]!);
      wgs84[i * 2] = x;
      wgs84[i * 2 + 1] = y;
    }
    this.parked.set(key, { lons, lats, systems, wgs84, served: axis });
    if (this.parked.size > 256) this.parked.delete(this.parked.keys().next().value!);
    return wgs84;
  }
}

function sameInputs(
  c: ConvertedChunk,
  lons: Float64Array,
  lats: Float64Array,
  systems: CoordinateSystem[],
): boolean {
  for (let i = 0; i < lons.length; i++) {
    if (c.lons[i] !== lons[i] || c.lats[i] !== lats[i] || c.systems[i] !== systems[i]) return false;
  }
  return true;
}

function wgs84Axis(chunks: ConvertedChunks, axis: Axis): DuckDBScalarMainFunction {
  return (_info, input, output) => {
    const n = input.rowCount;
    const lonVector = input.getColumnVector(0);
    const latVector = input.getColumnVector(1);
    const textVector = input.getColumnVector(2);
    const lons = new Float64Array(n);
    const lats = new Float64Array(n);
    const systems: CoordinateSystem[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const lon = lonVector.getItem(i) as number | null;
      const lat = latVector.getItem(i) as number | null;
      lons[i] = lon ?? Number.NaN;
      lats[i] = lat ?? Number.NaN;
      systems[i] =
        lon === null || lat === null ? 'WGS84' : chunks.systemOf(textVector.getItem(i) as string | null);
    }
    const wgs84 = systems.some((s) => s !== 'WGS84') ? chunks.convert(lons, lats, systems, axis) : null;
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(lons[i]!) || Number.isNaN(lats[i]!)) output.setItem(i, null);
      else output.setItem(i, wgs84 ? wgs84[i * 2 + axis]! : axis === 0 ? lons[i]! : lats[i]!);
    }
    output.flush();
  };
}

const h3Main: DuckDBScalarMainFunction = (_info, input, output) => {
  const lats = input.getColumnVector(0);
  const lons = input.getColumnVector(1);
  const resolutions = input.getColumnVector(2);
  for (let i = 0; i < input.rowCount; i++) {
    output.setItem(
      i,
      cellAt(
        lats.getItem(i) as number | null,
        lons.getItem(i) as number | null,
        resolutions.getItem(i) as number | null,
      ),
    );
  }
  output.flush();
};

function regionAtMain(index: RegionIndex | null | undefined): DuckDBScalarMainFunction {
  return (_info, input, output) => {
    const lons = input.getColumnVector(0);
    const lats = input.getColumnVector(1);
    for (let i = 0; i < input.rowCount; i++) {
      const lon = lons.getItem(i) as number | null;
      const lat = lats.getItem(i) as number | null;
      output.setItem(i, index && lon !== null && lat !== null ? index.regionAt(lon, lat) : null);
    }
    output.flush();
  };
}

/**
 * Registers the geo UDFs through `connection`. DuckDB keeps them in the database instance's catalog, so they are
 * visible to every connection of that instance, and a later registration (on any of its connections) replaces them.
 *
 * - `atlas_wgs84_lon(lon DOUBLE, lat DOUBLE, system VARCHAR) → DOUBLE` and `atlas_wgs84_lat(...)`: the point in
 *   WGS-84; `system` is read by parseCoordinateSystem, and NULL or unknown text counts as WGS-84. NULL or NaN lon/lat → NULL.
 * - `atlas_h3(lat DOUBLE, lon DOUBLE, res INTEGER) → UBIGINT`: h3-js latLngToCell as an integer; NULL for NULL or
 *   out-of-range input.
 * - `atlas_region_at(lon DOUBLE, lat DOUBLE) → VARCHAR`: the finest region whose boundary contains the WGS-84 point;
 *   NULL outside every boundary, for NULL input, or when the context has no index.
 * - `atlas_geo(lon DOUBLE, lat DOUBLE, system VARCHAR, with_region BOOLEAN)
 *   → STRUCT(lon DOUBLE, lat DOUBLE, region VARCHAR, h3 UBIGINT)`: the three above in one call, for the loader:
 *   the WGS-84 point, its region when `with_region` (else NULL), and its resolution-10 cell, NULL when `with_region`
 *   and the point is outside every boundary. NULL lon/lat → every field NULL.
 * - `atlas_locate(...)`: `atlas_geo` with the region as its 0-based position in the index's `codes` (INTEGER)
 *   instead of its code, for the loader, which joins the position to `atlas_point_regions` (etl/load/lookups.ts).
 */
export function registerGeoFunctions(connection: DuckDBConnection, context: GeoFunctionContext): void {
  const labels = new SystemLabels();
  const chunks = new ConvertedChunks(labels);
  const point = [DOUBLE, DOUBLE, VARCHAR];
  const functions = [
    {
      name: 'atlas_wgs84_lon',
      returnType: DOUBLE,
      parameterTypes: point,
      mainFunction: wgs84Axis(chunks, 0),
    },
    {
      name: 'atlas_wgs84_lat',
      returnType: DOUBLE,
      parameterTypes: point,
      mainFunction: wgs84Axis(chunks, 1),
    },
    {
      name: 'atlas_h3',
      returnType: UBIGINT,
      parameterTypes: [DOUBLE, DOUBLE, INTEGER],
      mainFunction: h3Main,
    },
    {
      name: 'atlas_region_at',
      returnType: VARCHAR,
      parameterTypes: [DOUBLE, DOUBLE],
      mainFunction: regionAtMain(context.regionIndex),
    },
    {
      name: 'atlas_geo',
      returnType: STRUCT({ lon: DOUBLE, lat: DOUBLE, region: VARCHAR, h3: UBIGINT }),
      parameterTypes: [DOUBLE, DOUBLE, VARCHAR, BOOLEAN],
      mainFunction: locateMain(labels, context.regionIndex, 'code'),
    },
    {
      name: 'atlas_locate',
      returnType: STRUCT({ lon: DOUBLE, lat: DOUBLE, region: INTEGER, h3: UBIGINT }),
      parameterTypes: [DOUBLE, DOUBLE, VARCHAR, BOOLEAN],
      mainFunction: locateMain(labels, context.regionIndex, 'position'),
    },
  ];
  for (const fn of functions) {
    connection.registerScalarFunction(DuckDBScalarFunction.create({ ...fn, specialHandling: true }));
  }
}
