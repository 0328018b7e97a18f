import { formatMonth } from '@/lib/briefing/format';
import type { Lang } from '@/lib/i18n/codes';
import { label } from './briefing-labels';
import { MonthSelect } from './month-select';

/**
 * Above the briefing on screen (hidden in print): the month picker (a GET form to /briefing, so it works without
 * JavaScript), the language, and the PDF and Word downloads from /api/briefing/<month>.
 */
export function BriefingToolbar(props: { month: string; months: string[]; lang: Lang; downloads: boolean }) {
  const { month, months, lang } = props;
  const choices = months.includes(month) ? months : [month, ...months];
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  return (
    <nav className="briefing-toolbar" aria-label={lang === 'en' ? 'Briefing' : '月报'}>
      <form method="get" action="/briefing">
        <label htmlFor="briefing-month">{label('month', lang)}</label>
        <MonthSelect id="briefing-month" value={month}>
          {choices.map((m) => (
            <option key={m} value={m}>
              {formatMonth(m, lang)}
            </option>
          ))}
        </MonthSelect>
        <input type="hidden" name="lang" value={lang} />
        <button type="submit">{label('open', lang)}</button>
      </form>
      <a
        href={`/briefing/${month}?lang=${other}`}
        lang={other === 'en' ? 'en' : 'zh-CN'}
        data-testid="briefing-lang"
      >
        {other === 'en' ? 'English' : '中文'}
      </a>
      {props.downloads ? (
        <span className="briefing-downloads">
          {label('download', lang)}:
          <a href={`/api/briefing/${month}?format=pdf&lang=${lang}`} data-testid="briefing-pdf">
            PDF
          </a>
          <a href={`/api/briefing/${month}?format=docx&lang=${lang}`} data-testid="briefing-docx">
            Word
          </a>
        </span>
      ) : null}
    </nav>
  );
}
