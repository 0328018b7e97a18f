'use client';

import type { MapHotspots, RankedHotspot } from '@/lib/queries/map-hotspots';
import { formatCount, formatDecimal } from '../format';
import { useText } from '../i18n/preferences';
import { Empty, Panel } from '../states/widget-state';
import { hotspotClassStyle } from './hotspot-classes';
import { Sparkline } from './sparkline';

/** The hotspot side list's title and what it ranks. */
function scopeText(scope: string, categoryName: string | null, t: (x: { zh: string; en: string }) => string) {
  return scope === 'all' ? t({ zh: '全部诉求', en: 'All appeals' }) : `${categoryName ?? scope}`;
}

function HotspotEntry({
  hotspot,
  rank,
  onOpen,
}: {
  hotspot: RankedHotspot;
  rank: number;
  onOpen: () => void;
}) {
  const { t, lang } = useText();
  const style = hotspotClassStyle(hotspot.hotspotClass);
  const place = [hotspot.countyName, hotspot.townName].filter(Boolean).join(' · ') || hotspot.cell;
  const top = hotspot.topSubcategory;
  return (
    <li
      className="map-hotspot"
      data-testid="hotspot-entry"
      data-cell={hotspot.cell}
      data-class={hotspot.hotspotClass}
    >
      <button type="button" className="map-row" onClick={onOpen}>
        <span>{rank}</span>
        <span>
          <span className="map-swatch" style={{ background: style.colour }} />{' '}
          <strong>{t(style.text)}</strong> {place}
        </span>
        <span className="map-num">Gi* {formatDecimal(hotspot.giZ, lang, 1)}</span>
      </button>
      <Sparkline
        width={300}
        height={36}
        values={hotspot.months.map((m) => m.tickets)}
        highlight={hotspot.months.map((m) => m.hot)}
        label={`${t({ zh: '逐月诉求（红点为热点月份）', en: 'Appeals by month (red: hot months)' })}: ${hotspot.months
          .map((m) => `${m.month} ${m.tickets}`)
          .join(', ')}`}
      />
      <div className="meta">
        {t({ zh: '诉求', en: 'Appeals' })} {formatCount(hotspot.tickets, lang)}
        {hotspot.hotMonths !== null
          ? ` · ${t({ zh: '热点月份', en: 'hot months' })} ${hotspot.hotMonths}`
          : ''}
        {hotspot.lastHotMonth ? ` · ${t({ zh: '最近', en: 'latest' })} ${hotspot.lastHotMonth}` : ''}
        {hotspot.hotNeighbours > 0
          ? ` · ${t({ zh: `周边 ${hotspot.hotNeighbours} 个热点单元`, en: `${hotspot.hotNeighbours} hot cells around it` })}`
          : ''}
      </div>
      <div className="meta">
        {hotspot.categories
          .map(
            (c) =>
              `${(lang === 'en' ? c.nameEn : c.nameZh) ?? c.code ?? t({ zh: '未分类', en: 'Unclassified' })} ${c.tickets}`,
          )
          .join(' · ')}
        {top
          ? ` · ${t({ zh: '最多：', en: 'top: ' })}${(lang === 'en' ? top.nameEn : top.nameZh) ?? top.code}`
          : ''}
      </div>
      {hotspot.samples.length > 0 ? (
        <ul className="samples">
          {hotspot.samples.map((text, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: samples are fixed for the answer; two may read the same.
            <li key={i}>{text}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The ranked hotspots of the category filter's scope with their evidence: counts by month (hot months in red), the
 * categories, the top second-level category and a few masked texts. When the warehouse has no hotspot analytics,
 * it says so and how to compute them.
 */
export function HotspotList({
  hotspots,
  categoryName,
  onOpen,
}: {
  hotspots: MapHotspots;
  categoryName: string | null;
  onOpen: (hotspot: RankedHotspot) => void;
}) {
  const { t } = useText();
  if (!hotspots.available)
    return (
      <Panel title={t({ zh: '热点排行', en: 'Ranked hotspots' })} testId="hotspot-list">
        <Empty height={120}>
          {hotspots.reason === 'not_computed'
            ? t({
                zh: '热点分析尚未计算：此数据仓库未运行分析步骤。请运行 npm run etl -- analyse --only hotspots。',
                en: 'Hotspots have not been computed: this warehouse was built without analytics. Run npm run etl -- analyse --only hotspots.',
              })
            : t({
                zh: `热点分析未覆盖“${scopeText(hotspots.scope, categoryName, t)}”（该类别诉求过少或未计算）。`,
                en: `No hotspot analysis for “${scopeText(hotspots.scope, categoryName, t)}” (too few appeals, or not computed).`,
              })}
        </Empty>
      </Panel>
    );
  const { meta } = hotspots;
  return (
    <Panel
      title={`${t({ zh: '热点排行', en: 'Ranked hotspots' })} · ${scopeText(hotspots.scope, categoryName, t)}`}
      testId="hotspot-list"
    >
      <p className="map-note">
        {t({
          zh: `Getis-Ord Gi*，H3 ${meta.resolution} 级，${meta.kRing} 环邻域，${meta.firstMonth} 至 ${meta.lastMonth} 共 ${meta.months} 个月；按全部渠道和月份计算，不随日期筛选变化。`,
          en: `Getis-Ord Gi*, H3 resolution ${meta.resolution}, ${meta.kRing}-ring neighbourhood, ${meta.firstMonth} to ${meta.lastMonth} (${meta.months} months); computed over every channel and month, so the date filter does not change it.`,
        })}
      </p>
      {hotspots.ranked.length === 0 ? (
        <Empty height={80}>{t({ zh: '没有显著热点。', en: 'No significant hotspots.' })}</Empty>
      ) : (
        <ol className="map-list">
          {hotspots.ranked.map((hotspot, i) => (
            <HotspotEntry key={hotspot.cell} hotspot={hotspot} rank={i + 1} onOpen={() => onOpen(hotspot)} />
          ))}
        </ol>
      )}
    </Panel>
  );
}
