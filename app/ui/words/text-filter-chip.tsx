'use client';

import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { useText } from '../i18n/preferences';

/**
 * The text filter (`q`, set by a hot word's link) as a removable chip, so the ticket list says why it holds only
 * these tickets; nothing when there is no text filter.
 */
export function TextFilterChip() {
  const { filters, update } = useDashboardFilters();
  const { t } = useText();
  if (!filters.q) return null;
  return (
    <div className="selection-bar" data-testid="text-filter">
      <span className="chip">
        {t({ zh: '含“', en: 'Containing “' })}
        {filters.q}
        {t({ zh: '”', en: '”' })}
        <button
          type="button"
          className="chip-remove"
          onClick={() => update({ q: null })}
          aria-label={t({ zh: '取消文字筛选', en: 'Remove the text filter' })}
        >
          ×
        </button>
      </span>
    </div>
  );
}
