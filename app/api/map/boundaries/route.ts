import { fetchBoundaries } from '@/lib/queries/map-boundaries';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/** District and street boundaries (GeoJSON FeatureCollection, WGS-84); the filters are validated but unused. */
export const GET = dashboardRoute({ reveals: 'aggregates', honours: ['region', 'dept'] }, {}, async () => ({
  json: await fetchBoundaries(),
  headers: { 'cache-control': 'private, max-age=3600' },
}));
