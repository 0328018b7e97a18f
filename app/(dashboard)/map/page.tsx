import { mapTileSetting } from '@/lib/geo/map-tiles';
import { MapHeading } from '../../ui/map/map-heading';
import { MapView } from '../../ui/map/map-view';

export const dynamic = 'force-dynamic';

/** The appeal map: heat, hexagons, districts, single tickets and statistically found hotspots. */
export default function MapPage() {
  return (
    <>
      <MapHeading />
      <MapView tiles={mapTileSetting()} />
    </>
  );
}
