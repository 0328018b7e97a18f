'use client';

import { useState } from 'react';
import type { TicketListRow } from '@/lib/queries/ticket-list';
import { formatHours } from '../format';
import { APPEAL_TYPE_TEXT, codeText, UNKNOWN_TEXT } from '../i18n/codes';
import { useText } from '../i18n/preferences';
import { categoryNames, regionNames, satisfactionText, statusText, wallClock } from './ticket-text';

/** Content longer than this is folded to two lines with a button to unfold it. */
const FOLD_CHARS = 60;

/**
 * One ticket as the list shows it. Title, content and address arrive masked from the API (docs/privacy.md) and
 * the caller key never does; the content is the API's first 300 characters, unfolded on request.
 */
export function TicketRow({ row, contentChars }: { row: TicketListRow; contentChars: number }) {
  const { t, lang } = useText();
  const [open, setOpen] = useState(false);
  const category = categoryNames(row, lang);
  const region = regionNames(row, lang);
  const content = row.content ?? '';
  const foldable = content.length > FOLD_CHARS || row.contentTruncated;
  const contentId = `content-${row.ticketId}`;

  return (
    <tr data-ticket-id={row.ticketId}>
      <td className="nowrap" data-col="received">
        {wallClock(row.receivedAt)}
      </td>
      <td>
        {category.l1}
        {category.l2 ? <span className="sub">{category.l2}</span> : null}
      </td>
      <td>
        {region.county}
        {region.town ? <span className="sub">{region.town}</span> : null}
      </td>
      <td className="nowrap">{row.channel}</td>
      <td>{row.department ?? t(UNKNOWN_TEXT.department)}</td>
      <td>
        <span className={`status ${row.status === 'closed' ? '' : 'open'}`}>{t(statusText(row))}</span>
        {row.overdue ? <span className="badge bad">{t({ zh: '超期', en: 'Overdue' })}</span> : null}
        {row.closedAt ? <span className="sub nowrap">{wallClock(row.closedAt)}</span> : null}
      </td>
      <td className="nowrap">{row.satisfaction === null ? '—' : t(satisfactionText(row))}</td>
      <td className="num nowrap">{formatHours(row.handlingHours, lang)}</td>
      <td className="appeal-text">
        {row.title ? <strong>{row.title}</strong> : null}
        {row.appealType ? (
          <span className="badge">
            {t(codeText(APPEAL_TYPE_TEXT, row.appealType, UNKNOWN_TEXT.appealType))}
          </span>
        ) : null}
        {content ? (
          <p id={contentId} className={open ? 'content' : 'content folded'}>
            {content}
            {open && row.contentTruncated
              ? t({
                  zh: `……（列表只显示前 ${contentChars} 字，完整内容见导出文件）`,
                  en: `… (the list shows the first ${contentChars} characters; the export has the rest)`,
                })
              : null}
          </p>
        ) : null}
        <span className="ticket-meta">
          {t({ zh: '编号 ', en: 'No. ' })}
          {row.ticketId}
          {foldable ? (
            <button
              type="button"
              className="link"
              aria-expanded={open}
              aria-controls={contentId}
              onClick={() => setOpen(!open)}
            >
              {open ? t({ zh: '收起', en: 'Less' }) : t({ zh: '展开全文', en: 'More' })}
            </button>
          ) : null}
        </span>
      </td>
    </tr>
  );
}
