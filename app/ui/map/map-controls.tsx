'use client';

import { useEffect, useState } from 'react';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatDate } from '../format';
import type { Text } from '../i18n/lang';
import { useText } from '../i18n/preferences';
import { MAP_GRAINS, type MapGrain } from './time-steps';
import {
  MAP_LAYERS,
  type MapLayerKind,
  type MapView,
  REGION_MEASURES,
  type RegionMeasure,
} from './use-map-view';

export const LAYER_TEXT: Record<MapLayerKind, Text> = {
  hexagons: { zh: '六边形', en: 'Hexagons' },
  heat: { zh: '热力', en: 'Heat' },
  regions: { zh: '行政区', en: 'Districts' },
  points: { zh: '单件诉求', en: 'Tickets' },
  hotspots: { zh: '热点分析', en: 'Hotspots' },
};

const MEASURE_TEXT: Record<RegionMeasure, Text> = {
  raw: { zh: '诉求量', en: 'Appeals' },
  per10k: { zh: '每万人', en: 'Per 10,000 residents' },
};

const GRAIN_TEXT: Record<MapGrain, Text> = {
  week: { zh: '按周', en: 'Weekly' },
  month: { zh: '按月', en: 'Monthly' },
};

/** How long the player stays on a step. */
const PLAY_MS = 1500;

/**
 * The map's choices: the layer, the choropleth's measure, and the time slider (weeks or months, with play). Each is
 * a URL parameter (layer, measure, step, t), so the map can be bookmarked; the slider's first position is the whole
 * range of the filters.
 */
export function MapControls({ view }: { view: MapView }) {
  const { update } = useDashboardFilters();
  const { t, lang } = useText();
  const [playing, setPlaying] = useState(false);
  const urlIndex = view.step ? view.steps.findIndex((s) => s.key === view.step?.key) + 1 : 0;
  // The URL catches up a moment after a change: until it does, the slider shows where the reader moved it, so
  // several quick arrow presses step several times.
  const [moved, setMoved] = useState<{ from: number; to: number } | null>(null);
  const index = moved && moved.from === urlIndex ? moved.to : urlIndex;

  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => {
      const next = index + 1;
      if (next > view.steps.length) setPlaying(false);
      else update({ t: view.steps[next - 1]?.key ?? null });
    }, PLAY_MS);
    return () => clearTimeout(timer);
  }, [playing, index, view.steps, update]);

  const stepLabel = view.step
    ? view.step.from === view.step.to
      ? formatDate(view.step.from, lang)
      : `${formatDate(view.step.from, lang)} – ${formatDate(view.step.to, lang)}`
    : t({ zh: '整个时间范围', en: 'The whole range' });

  return (
    <form
      className="map-controls"
      aria-label={t({ zh: '地图设置', en: 'Map settings' })}
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset>
        <legend>{t({ zh: '图层', en: 'Layer' })}</legend>
        <div className="segmented" data-testid="map-layers">
          {MAP_LAYERS.map((layer) => (
            <button
              key={layer}
              type="button"
              aria-pressed={layer === view.layer}
              onClick={() => update({ layer: layer === 'hexagons' ? null : layer })}
            >
              {t(LAYER_TEXT[layer])}
            </button>
          ))}
        </div>
      </fieldset>
      {view.layer === 'regions' ? (
        <fieldset>
          <legend>{t({ zh: '指标', en: 'Measure' })}</legend>
          <div className="segmented">
            {REGION_MEASURES.map((measure) => (
              <button
                key={measure}
                type="button"
                aria-pressed={measure === view.measure}
                onClick={() => update({ measure: measure === 'raw' ? null : measure })}
              >
                {t(MEASURE_TEXT[measure])}
              </button>
            ))}
          </div>
        </fieldset>
      ) : null}
      {view.layer === 'hotspots' ? null : (
        <>
          <fieldset>
            <legend>{t({ zh: '时间步长', en: 'Time step' })}</legend>
            <div className="segmented">
              {MAP_GRAINS.map((grain) => (
                <button
                  key={grain}
                  type="button"
                  aria-pressed={grain === view.grain}
                  onClick={() => {
                    setPlaying(false);
                    update({ step: grain === 'month' ? null : grain, t: null });
                  }}
                >
                  {t(GRAIN_TEXT[grain])}
                </button>
              ))}
            </div>
          </fieldset>
          <div className="map-slider">
            <button
              type="button"
              onClick={() => {
                if (!playing && index >= view.steps.length) update({ t: view.steps[0]?.key ?? null });
                setPlaying(!playing);
              }}
              disabled={view.steps.length === 0}
              aria-label={playing ? t({ zh: '暂停', en: 'Pause' }) : t({ zh: '播放', en: 'Play' })}
              data-testid="map-play"
            >
              {playing ? '❚❚' : '▶'}
            </button>
            <input
              type="range"
              min={0}
              max={view.steps.length}
              value={index}
              aria-label={t({ zh: '时间', en: 'Time' })}
              aria-valuetext={stepLabel}
              data-testid="map-time"
              onChange={(e) => {
                setPlaying(false);
                const i = Number(e.target.value);
                setMoved({ from: urlIndex, to: i });
                update({ t: i === 0 ? null : (view.steps[i - 1]?.key ?? null) });
              }}
            />
            <output data-testid="map-time-label">{stepLabel}</output>
          </div>
        </>
      )}
    </form>
  );
}
