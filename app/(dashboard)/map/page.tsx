import { pageViewer } from '@/app/_auth/current-viewer';
import { mapTileSetting } from '@/lib/geo/map-tiles';
import type { Text } from '@/lib/i18n/codes';
import { NotAllowed } from '../../ui/frame/not-allowed';
import { ViewHeading } from '../../ui/frame/view-heading';
import { MapView } from '../../ui/map/map-view';

export const dynamic = 'force-dynamic';

/** What the map is for, under its title. */
const MAP_INTRO: Text = {
  zh: '诉求在哪里集中：热力、H3 六边形、行政区（总量与每万人）、单件诉求，以及经统计检验的时空热点。坐标为 WGS-84。',
  en: 'Where appeals concentrate: heat, H3 hexagons, districts (raw and per 10,000 residents), single tickets, and statistically tested emerging hotspots. Coordinates are WGS-84.',
};

/** The appeal map: heat, hexagons, districts, single tickets and statistically found hotspots. */
export default async function MapPage() {
  const { refusal } = await pageViewer('/map');
  if (refusal) return <NotAllowed reason={refusal} />;
  return (
    <>
      <ViewHeading title={{ zh: '诉求地图', en: 'Map' }} className="map-heading" intro={MAP_INTRO} />
      <MapView tiles={mapTileSetting()} />
    </>
  );
}
