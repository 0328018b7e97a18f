import { pageViewer } from '@/app/_auth/current-viewer';
import { mapTileSetting } from '@/lib/geo/map-tiles';
import { NotAllowed } from '../../ui/frame/not-allowed';
import { MapHeading } from '../../ui/map/map-heading';
import { MapView } from '../../ui/map/map-view';

export const dynamic = 'force-dynamic';

/** The appeal map: heat, hexagons, districts, single tickets and statistically found hotspots. */
export default async function MapPage() {
  const { refusal } = await pageViewer('/map');
  if (refusal) return <NotAllowed reason={refusal} />;
  return (
    <>
      <MapHeading />
      <MapView tiles={mapTileSetting()} />
    </>
  );
}
