'use client';

import { formatCount } from '../format';
import { useText } from '../i18n/preferences';
import { PAGE_SIZES } from './use-ticket-view';

/** First, previous, next and last page, "page x of y", and the page size; pages are 1-based. */
export function TicketPagination({
  page,
  pageSize,
  total,
  onPage,
  onPageSize,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize: (pageSize: string) => void;
}) {
  const { t, lang } = useText();
  const last = Math.max(1, Math.ceil(total / pageSize));
  const button = (label: string, text: string, target: number, disabled: boolean) => (
    <button
      type="button"
      className="page-button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={() => onPage(target)}
    >
      {text}
    </button>
  );
  return (
    <nav className="pagination" aria-label={t({ zh: '翻页', en: 'Pages' })} data-testid="pagination">
      {button(t({ zh: '第一页', en: 'First page' }), '«', 1, page <= 1)}
      {button(
        t({ zh: '上一页', en: 'Previous page' }),
        t({ zh: '‹ 上一页', en: '‹ Previous' }),
        page - 1,
        page <= 1,
      )}
      <span className="page-of" data-testid="page-of" aria-live="polite">
        {lang === 'en'
          ? `Page ${formatCount(page, lang)} of ${formatCount(last, lang)}`
          : `第 ${formatCount(page, lang)} / ${formatCount(last, lang)} 页`}
      </span>
      {button(
        t({ zh: '下一页', en: 'Next page' }),
        t({ zh: '下一页 ›', en: 'Next ›' }),
        page + 1,
        page >= last,
      )}
      {button(t({ zh: '最后一页', en: 'Last page' }), '»', last, page >= last)}
      <label className="page-size">
        {t({ zh: '每页', en: 'Per page' })}
        <select value={String(pageSize)} onChange={(e) => onPageSize(e.target.value)}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
        {t({ zh: '件', en: '' })}
      </label>
    </nav>
  );
}
