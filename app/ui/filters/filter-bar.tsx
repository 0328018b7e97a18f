'use client';

import { APPEAL_TYPES } from '@/lib/filters/filters';
import type { FilterChoice } from '@/lib/queries/filter-options';
import { APPEAL_TYPE_TEXT } from '../i18n/codes';
import { useText } from '../i18n/preferences';
import { useDashboard } from './dashboard-context';
import { DATE_PRESETS } from './date-presets';
import { RegionSelects } from './region-selects';
import { useDashboardFilters } from './use-dashboard-filters';

/**
 * The global filter bar. Every control writes the URL (useDashboardFilters), so the state survives reloads and
 * links; region and category drill down one level at a time (市 → 区县 → 街道, 一级 → 二级).
 */
export function FilterBar() {
  const { options, defaults, viewerRegion } = useDashboard();
  const { filters, update } = useDashboardFilters();
  const { t, lang } = useText();
  const lastDay = options.span?.lastDay ?? defaults.to;

  const level1 = options.categories.filter((c) => c.level === 1 && c.tickets > 0);
  const category1 = filters.category?.slice(0, 2);
  const level2 = category1
    ? options.categories.filter((c) => c.level === 2 && c.parent === category1 && c.tickets > 0)
    : [];
  const name = (c: FilterChoice) => (lang === 'en' && c.nameEn ? c.nameEn : c.name);
  const filtered = ['region', 'category', 'channel', 'type', 'dept', 'cell'].some(
    (k) => filters[k as keyof typeof filters],
  );

  return (
    <form
      className="filter-bar"
      aria-label={t({ zh: '筛选条件', en: 'Filters' })}
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset className="filter-dates">
        <legend>{t({ zh: '时间', en: 'Dates' })}</legend>
        <div className="presets">
          {DATE_PRESETS.map((preset) => {
            const range = preset.range(lastDay, { from: filters.from, to: filters.to });
            const active = range.from === filters.from && range.to === filters.to;
            return (
              <button
                key={preset.id}
                type="button"
                aria-pressed={active}
                onClick={() => update({ from: range.from, to: range.to })}
              >
                {t(preset.text)}
              </button>
            );
          })}
        </div>
        <label>
          <span className="visually-hidden">{t({ zh: '开始日期', en: 'From' })}</span>
          <input
            type="date"
            value={filters.from}
            max={filters.to}
            onChange={(e) => e.target.value && update({ from: e.target.value })}
          />
        </label>
        <span aria-hidden="true">–</span>
        <label>
          <span className="visually-hidden">{t({ zh: '结束日期', en: 'To' })}</span>
          <input
            type="date"
            value={filters.to}
            min={filters.from}
            onChange={(e) => e.target.value && update({ to: e.target.value })}
          />
        </label>
      </fieldset>

      <RegionSelects
        region={filters.region}
        regions={options.regions}
        viewerRegion={viewerRegion}
        onRegion={(region) => update({ region })}
        t={t}
      />
      <label>
        <span>{t({ zh: '一级类别', en: 'Category' })}</span>
        <select value={category1 ?? ''} onChange={(e) => update({ category: e.target.value || null })}>
          <option value="">{t({ zh: '全部类别', en: 'All categories' })}</option>
          {level1.map((c) => (
            <option key={c.code} value={c.code}>
              {name(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t({ zh: '二级类别', en: 'Subcategory' })}</span>
        <select
          value={filters.category && filters.category.length === 4 ? filters.category : ''}
          disabled={!category1}
          onChange={(e) => update({ category: e.target.value || category1 || null })}
        >
          <option value="">{t({ zh: '全部', en: 'All' })}</option>
          {level2.map((c) => (
            <option key={c.code} value={c.code}>
              {name(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t({ zh: '渠道', en: 'Channel' })}</span>
        <select value={filters.channel ?? ''} onChange={(e) => update({ channel: e.target.value || null })}>
          <option value="">{t({ zh: '全部渠道', en: 'All channels' })}</option>
          {options.channels.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t({ zh: '诉求类型', en: 'Appeal type' })}</span>
        <select value={filters.type ?? ''} onChange={(e) => update({ type: e.target.value || null })}>
          <option value="">{t({ zh: '全部类型', en: 'All types' })}</option>
          {APPEAL_TYPES.filter((type) => options.appealTypes.some((a) => a.code === type)).map((type) => (
            <option key={type} value={type}>
              {t(APPEAL_TYPE_TEXT[type] ?? { zh: type, en: type })}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t({ zh: '承办部门', en: 'Department' })}</span>
        <select value={filters.dept ?? ''} onChange={(e) => update({ dept: e.target.value || null })}>
          <option value="">{t({ zh: '全部部门', en: 'All departments' })}</option>
          {options.departments.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      {filters.cell ? (
        // A map hexagon (/map → 查看诉求清单): shown so the reader knows the list is narrowed to it.
        <button
          type="button"
          className="reset"
          data-testid="cell-filter"
          onClick={() => update({ cell: null })}
        >
          {t({ zh: `六边形 ${filters.cell} ×`, en: `Hexagon ${filters.cell} ×` })}
        </button>
      ) : null}
      {filtered ? (
        <button
          type="button"
          className="reset"
          onClick={() =>
            update({ region: null, category: null, channel: null, type: null, dept: null, cell: null })
          }
        >
          {t({ zh: '清除筛选', en: 'Clear filters' })}
        </button>
      ) : null}
    </form>
  );
}
