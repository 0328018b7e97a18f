'use client';

import { TICKET_FLAG_DEFINITIONS, TICKET_FLAGS, type TicketFlag } from '@/lib/sql/ticket-selection';
import { formatCount } from '../format';
import { useText } from '../i18n/preferences';

/**
 * Which tickets the list holds: the flag as a removable chip ("超期 ×"), or a choice of flags when there is none,
 * and how many tickets the filters and flag select (every page).
 */
export function TicketSelectionBar({
  flag,
  total,
  onFlag,
}: {
  flag: TicketFlag | null;
  total: number | undefined;
  onFlag: (flag: TicketFlag | null) => void;
}) {
  const { t, lang } = useText();
  return (
    <div className="selection-bar" data-testid="ticket-selection">
      {flag ? (
        <span className="chip" data-flag={flag}>
          {t(TICKET_FLAG_DEFINITIONS[flag].name)}
          <button
            type="button"
            className="chip-remove"
            onClick={() => onFlag(null)}
            aria-label={
              t({ zh: '取消“', en: 'Remove “' }) +
              t(TICKET_FLAG_DEFINITIONS[flag].name) +
              t({ zh: '”', en: '”' })
            }
          >
            ×
          </button>
        </span>
      ) : (
        <label className="flag-choice">
          <span>{t({ zh: '只看', en: 'Only' })}</span>
          <select value="" onChange={(e) => onFlag((e.target.value || null) as TicketFlag | null)}>
            <option value="">{t({ zh: '全部诉求', en: 'All tickets' })}</option>
            {TICKET_FLAGS.map((f) => (
              <option key={f} value={f}>
                {t(TICKET_FLAG_DEFINITIONS[f].name)}
              </option>
            ))}
          </select>
        </label>
      )}
      <span className="total" data-testid="ticket-total" data-total={total ?? ''}>
        {total === undefined
          ? ''
          : lang === 'en'
            ? `${formatCount(total, lang)} ${total === 1 ? 'ticket' : 'tickets'}`
            : `共 ${formatCount(total, lang)} 件`}
      </span>
    </div>
  );
}
