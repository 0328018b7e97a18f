'use client';

import { formatCount, formatDecimal } from '../format';
import { useText } from '../i18n/preferences';
import { hotspotClassStyle, legendOrder } from './hotspot-classes';

/** The legend of a colour scale: one swatch per class with its range. */
export function ScaleLegend({
  title,
  entries,
  decimals = 0,
  noData,
}: {
  title: string;
  entries: { from: number; to: number; colour: string }[];
  decimals?: number;
  /** A line for the grey of regions without a value (no population known). */
  noData?: string;
}) {
  const { lang } = useText();
  const format = (v: number) => (decimals ? formatDecimal(v, lang, decimals) : formatCount(v, lang));
  return (
    <div className="map-legend" data-testid="map-legend">
      <h3>{title}</h3>
      <ul>
        {entries.map((entry) => (
          <li key={entry.to}>
            <span className="map-swatch" style={{ background: entry.colour }} />
            {entry.from === 0
              ? `≤ ${format(entry.to)}`
              : // Counts are whole numbers: the class after "≤ 3" starts at 4.
                `${format(decimals ? entry.from : entry.from + 1)} – ${format(entry.to)}`}
          </li>
        ))}
        {noData ? (
          <li>
            <span className="map-swatch" style={{ background: '#e5e7eb' }} />
            {noData}
          </li>
        ) : null}
      </ul>
    </div>
  );
}

/** The hotspot classes present on the map, with their meaning on hover. */
export function HotspotLegend({ classes }: { classes: string[] }) {
  const { t } = useText();
  return (
    <div className="map-legend" data-testid="map-legend">
      <h3>{t({ zh: '时空热点类型', en: 'Emerging hotspot classes' })}</h3>
      <ul>
        {legendOrder(classes).map((code) => {
          const style = hotspotClassStyle(code);
          return (
            <li key={code} data-class={code}>
              <span className="map-swatch" style={{ background: style.colour }} />
              {t(style.text)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The heat layer's colours, from few appeals to many (leaflet.heat's default gradient). */
export function HeatLegend() {
  const { t } = useText();
  return (
    <div className="map-legend" data-testid="map-legend">
      <h3>{t({ zh: '诉求密度', en: 'Density of appeals' })}</h3>
      <div className="map-heat-scale" />
      <div className="map-heat-labels">
        <span>{t({ zh: '少', en: 'few' })}</span>
        <span>{t({ zh: '多', en: 'many' })}</span>
      </div>
    </div>
  );
}
