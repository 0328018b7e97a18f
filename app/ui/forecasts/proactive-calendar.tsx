'use client';

import { useQuery } from '@tanstack/react-query';
import { apiUrl } from '../data/api-client';
import { forecastQueries, placeOf } from '../data/forecast-queries';
import { useDashboardFilters, useViewParam } from '../filters/use-dashboard-filters';
import { formatDate } from '../format';
import { useText } from '../i18n/preferences';
import { Empty, ErrorNotice, Loading } from '../states/widget-state';
import { formatExpected, formatRatio } from './forecast-text';

const MONTH_CHOICES = ['1', '2', '3'] as const;

/**
 * 未诉先办: the category × place combinations expected to rise well above their normal month in the next 1–3
 * months (URL parameter `months`), soonest first, with who usually handles them and when to act; CSV and XLSX
 * downloads of the same rows. A category name filters the view to it.
 */
export function ProactiveCalendar() {
  const { filters, update } = useDashboardFilters();
  const { t, lang } = useText();
  const months = Number(useViewParam('months', MONTH_CHOICES, '3'));
  const query = useQuery(forecastQueries.calendar(filters, months));
  const download = (format: 'csv' | 'xlsx') =>
    apiUrl('/api/forecasts/calendar', placeOf(filters), { months, format, lang });
  return (
    <div data-testid="calendar">
      <div className="export-links">
        <label>
          <span>{t({ zh: '未来 ', en: 'Next ' })}</span>
          <select name="months" value={String(months)} onChange={(e) => update({ months: e.target.value })}>
            {MONTH_CHOICES.map((m) => (
              <option key={m} value={m}>
                {t({ zh: `${m} 个月`, en: `${m} month${m === '1' ? '' : 's'}` })}
              </option>
            ))}
          </select>
        </label>{' '}
        <a href={download('csv')} download data-testid="calendar-csv">
          {t({ zh: '导出 CSV', en: 'Export CSV' })}
        </a>{' '}
        <a href={download('xlsx')} download data-testid="calendar-xlsx">
          {t({ zh: '导出 Excel', en: 'Export Excel' })}
        </a>
      </div>
      {query.isPending ? (
        <Loading height={120} />
      ) : query.isError ? (
        <ErrorNotice error={query.error} height={120} />
      ) : query.data.length === 0 ? (
        <Empty height={80}>
          {t({
            zh: '未来几个月没有预计明显上升的类别（预计至少是常态月均的 1.5 倍、至少 8 件且多出 4 件以上）。',
            en: 'No category is expected to rise well above normal in the coming months (at least 1.5× its normal month, 8 appeals and 4 more than normal).',
          })}
        </Empty>
      ) : (
        <div className="table-scroll">
          <table data-testid="calendar-table">
            <thead>
              <tr>
                <th scope="col">{t({ zh: '月份', en: 'Month' })}</th>
                <th scope="col">{t({ zh: '地区', en: 'Area' })}</th>
                <th scope="col">{t({ zh: '类别', en: 'Category' })}</th>
                <th scope="col" className="num">
                  {t({ zh: '预计诉求量', en: 'Expected' })}
                </th>
                <th scope="col" className="num">
                  {t({ zh: '常态月均', en: 'Normal month' })}
                </th>
                <th scope="col" className="num">
                  {t({ zh: '倍数', en: 'Times normal' })}
                </th>
                <th scope="col">{t({ zh: '建议准备日期', en: 'Act by' })}</th>
                <th scope="col">{t({ zh: '通常承办部门', en: 'Usual departments' })}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.map((r) => (
                <tr key={`${r.seriesId}:${r.month}`} data-category={r.categoryCode} data-month={r.month}>
                  <td>{r.month.slice(0, 7)}</td>
                  <td>{r.regionLevel === 'city' ? t({ zh: '全市', en: 'Whole city' }) : r.regionName}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() =>
                        update({
                          category: r.categoryCode,
                          region: r.regionLevel === 'city' ? null : r.regionCode,
                        })
                      }
                    >
                      {(lang === 'en' ? (r.categoryEn ?? r.categoryZh) : r.categoryZh) ?? r.categoryCode}
                    </button>
                  </td>
                  <td className="num">{formatExpected(r.expected, lang)}</td>
                  <td className="num">{formatExpected(r.normal, lang)}</td>
                  <td className="num">{formatRatio(r.rise, lang, 1)}×</td>
                  <td>
                    {formatDate(r.actBy, lang)}
                    <span className="muted">
                      {t({
                        zh: `（上升约从 ${formatDate(r.riseStart, lang)} 开始，距今 ${r.leadDays} 天）`,
                        en: ` (rise from about ${formatDate(r.riseStart, lang)}, ${r.leadDays} days away)`,
                      })}
                    </span>
                  </td>
                  <td>{r.departments.join(lang === 'en' ? ', ' : '、') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="footnote">
        {t({
          zh: '入选条件：某二级类别在全市或某区县的月度预测至少是其近 12 个月平均的 1.5 倍、至少 8 件且多出 4 件以上。建议准备日期 = 上升开始前 14 天。“距今”从数据截止日的次日算起。',
          en: 'Listed when a second-level category\'s monthly forecast for the city or a district is at least 1.5× its average month over the last 12 months, at least 8 appeals and 4 more than that. Act by = 14 days before the rise starts. "Days away" count from the day after the data end.',
        })}
      </p>
    </div>
  );
}
