'use client';

import { useDashboard } from '../filters/dashboard-context';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatDate } from '../format';
import { useText } from '../i18n/preferences';

/** The map's title, the range of the filters and how recent the data are, and what the map is for. */
export function MapHeading() {
  const { filters } = useDashboardFilters();
  const { options } = useDashboard();
  const { t, lang } = useText();
  return (
    <div className="view-heading map-heading">
      <h1>{t({ zh: '诉求地图', en: 'Map' })}</h1>
      <p className="subtitle" data-testid="range-label">
        {formatDate(filters.from, lang)} – {formatDate(filters.to, lang)}
        {options.span ? (
          <span className="as-of">
            {t({ zh: ' · 数据截至 ', en: ' · data up to ' })}
            {formatDate(options.span.lastDay, lang)}
          </span>
        ) : null}
      </p>
      <p className="trends-intro">
        {t({
          zh: '诉求在哪里集中：热力、H3 六边形、行政区（总量与每万人）、单件诉求，以及经统计检验的时空热点。坐标为 WGS-84。',
          en: 'Where appeals concentrate: heat, H3 hexagons, districts (raw and per 10,000 residents), single tickets, and statistically tested emerging hotspots. Coordinates are WGS-84.',
        })}
      </p>
    </div>
  );
}
