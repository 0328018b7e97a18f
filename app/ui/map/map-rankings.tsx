'use client';

import type { MapHexagonRow } from '@/lib/queries/map-hexagons';
import type { MapRegionRow } from '@/lib/queries/map-regions';
import { formatCount, formatDecimal } from '../format';
import { useText } from '../i18n/preferences';
import { Empty, Panel } from '../states/widget-state';
import type { MapPlace } from './leaflet-map';
import type { RegionMeasure } from './use-map-view';

/**
 * The choropleth's regions as a ranked list of buttons: the same numbers as the map, readable without hovering and
 * reachable by keyboard (a region's button opens its panel as a click on the map does).
 */
export function RegionRanking({
  rows,
  measure,
  onOpen,
}: {
  rows: MapRegionRow[];
  measure: RegionMeasure;
  onOpen: (place: MapPlace) => void;
}) {
  const { t, lang } = useText();
  const sorted = measure === 'per10k' ? [...rows].sort((a, b) => (b.per10k ?? -1) - (a.per10k ?? -1)) : rows;
  return (
    <Panel
      title={
        measure === 'per10k'
          ? t({ zh: '每万人诉求', en: 'Appeals per 10,000 residents' })
          : t({ zh: '各区县诉求', en: 'Appeals by district' })
      }
      testId="region-ranking"
    >
      <ol className="map-list">
        {sorted.map((row, i) => (
          <li key={row.code} data-code={row.code}>
            <button
              type="button"
              className="map-row"
              onClick={() => onOpen({ kind: 'region', code: row.code, label: row.name })}
            >
              <span>{i + 1}</span>
              <span>{row.name}</span>
              <span className="map-num" data-testid="region-value">
                {measure === 'per10k'
                  ? row.per10k === null
                    ? '—'
                    : formatDecimal(row.per10k, lang, 1)
                  : formatCount(row.tickets, lang)}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {measure === 'per10k' ? (
        <p className="map-note">
          {t({
            zh: '“—”：人口未知的区县不计算每万人诉求（样例城市仅有三个区县的普查人口）。',
            en: '“—”: no rate where the population is not known (the sample city knows three districts’ census figures).',
          })}
        </p>
      ) : null}
    </Panel>
  );
}

/** The busiest hexagons on screen as buttons (keyboard access to the hexagon panel). */
export function HexagonRanking({
  rows,
  resolution,
  onOpen,
}: {
  rows: MapHexagonRow[];
  resolution: number;
  onOpen: (place: MapPlace) => void;
}) {
  const { t, lang } = useText();
  return (
    <Panel
      title={t({
        zh: `诉求最多的六边形（H3 ${resolution} 级）`,
        en: `Busiest hexagons (H3 resolution ${resolution})`,
      })}
      testId="hexagon-ranking"
    >
      {rows.length === 0 ? (
        <Empty height={80} />
      ) : (
        <ol className="map-list">
          {rows.slice(0, 10).map((row, i) => (
            <li key={row.cell}>
              <button
                type="button"
                className="map-row"
                onClick={() => onOpen({ kind: 'cell', cell: row.cell, label: row.cell })}
              >
                <span>{i + 1}</span>
                <span>{row.cell}</span>
                <span className="map-num">{formatCount(row.tickets, lang)}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
