import type { DuckDBScalarMainFunction, DuckDBStructVector } from '@duckdb/node-api';
import { latLngToCell } from 'h3-js';
import { type CoordinateSystem, parseCoordinateSystem } from '../../lib/geo/coordinates';
import type { RegionIndex } from '../../lib/geo/region-index';
import { toWgs84Into } from './datum';
import { NullMask, readDoubles, writeDoubles, writeInt32s, writeUint64Halves } from './fast-vectors';

/** The H3 resolution of the cell the locate functions return (tickets.h3_r10). */
const GEO_H3_RESOLUTION = 10;

/** Coordinate-system labels as read, each parsed once (a file holds a handful). */
export class SystemLabels {
  private readonly systems = new Map<string, CoordinateSystem>();

  systemOf(text: string | null): CoordinateSystem {
    if (text === null) return 'WGS84';
    let system = this.systems.get(text);
    if (!system) {
      system = parseCoordinateSystem(text) ?? 'WGS84';
      this.systems.set(text, system);
    }
    return system;
  }
}

/** The two 32-bit halves of an H3 index written as h3-js writes it (lower-case hex, no leading zeros). */
function writeCellHalves(cell: string, i: number, high: Uint32Array, low: Uint32Array): void {
  const split = cell.length - 8;
  let h = 0;
  let l = 0;
  for (let k = 0; k < cell.length; k++) {
    const c = cell.charCodeAt(k);
    const digit = c <= 57 ? c - 48 : (c | 32) - 87;
    if (k < split) h = h * 16 + digit;
    else l = l * 16 + digit;
  }
  high[i] = h;
  low[i] = l;
}

/**
 * How the region is written: its code (VARCHAR, `atlas_geo`) or its position in the index's `codes`
 * (INTEGER, `atlas_locate`), which spares a string per row on the way back into DuckDB.
 */
export type RegionOutput = 'code' | 'position';

/**
 * One chunk of points in one crossing into JS: conversion to WGS-84, point-in-polygon and the H3 cell, with
 * inputs read and outputs written as flat arrays. Arguments: lon, lat, system text, with_region.
 */
export function locateMain(
  labels: SystemLabels,
  index: RegionIndex | null | undefined,
  regionOutput: RegionOutput,
): DuckDBScalarMainFunction {
  const positions = new Map((index?.codes ?? []).map((code, i) => [code, i]));
  return (_info, input, output) => {
    const n = input.rowCount;
    const lons = readDoubles(input.getColumnVector(0), n);
    const lats = readDoubles(input.getColumnVector(1), n);
    const textVector = input.getColumnVector(2);
    const withRegion = n > 0 && input.getColumnVector(3).getItem(0) === true;
    const out = output as DuckDBStructVector;
    const wgs = new Float64Array(n * 2);
    const lonW = new Float64Array(n);
    const latW = new Float64Array(n);
    const high = new Uint32Array(n);
    const low = new Uint32Array(n);
    const regionPositions = new Int32Array(n);
    const pointMask = new NullMask(n);
    const cellMask = new NullMask(n);
    const regionMask = new NullMask(n);
    const regionVector = out.entryVectorAt(2);
    for (let i = 0; i < n; i++) {
      const lon = lons[i]!;
      const lat = lats[i]!;
      if (Number.isNaN(lon) || Number.isNaN(lat)) {
        pointMask.setNull(i);
        cellMask.setNull(i);
        regionMask.setNull(i);
        continue;
      }
      toWgs84Into(lon, lat, labels.systemOf(textVector.getItem(i) as string | null), wgs, i * 2);
      const x = wgs[i * 2]!;
      const y = wgs[i * 2 + 1]!;
      lonW[i] = x;
      latW[i] = y;
      const region = withRegion && index ? index.regionAt(x, y) : null;
      // Valid items leave the validity alone; NULLs go into a mask applied once (no per-item BigInt work).
      if (region === null) regionMask.setNull(i);
      else if (regionOutput === 'code') regionVector.setItem(i, region);
      else regionPositions[i] = positions.get(region)!;
      // Out of area (a NULL lon/lat on the ticket) has no cell, as atlas_h3(NULL, NULL, …) had none.
      if (
        (withRegion && region === null) ||
        !Number.isFinite(x) ||
        !Number.isFinite(y) ||
        Math.abs(y) > 90 ||
        Math.abs(x) > 180
      ) {
        cellMask.setNull(i);
        continue;
      }
      writeCellHalves(latLngToCell(y, x, GEO_H3_RESOLUTION), i, high, low);
    }
    writeDoubles(out.entryVectorAt(0), lonW, pointMask);
    writeDoubles(out.entryVectorAt(1), latW, pointMask);
    if (regionOutput === 'code') regionMask.applyTo(regionVector);
    else writeInt32s(regionVector, regionPositions, regionMask);
    writeUint64Halves(out.entryVectorAt(3), high, low, cellMask);
    output.flush();
  };
}
