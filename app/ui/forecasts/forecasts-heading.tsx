'use client';

import { useDashboard } from '../filters/dashboard-context';
import { formatDate } from '../format';
import { useText } from '../i18n/preferences';

/** The view's title, how recent the data are, and what the view is for. */
export function ForecastsHeading() {
  const { options } = useDashboard();
  const { t, lang } = useText();
  return (
    <div className="view-heading trends-heading">
      <h1>{t({ zh: '预测', en: 'Forecasts' })}</h1>
      {options.span ? (
        <p className="subtitle">
          {t({ zh: '数据截至 ', en: 'Data up to ' })}
          {formatDate(options.span.lastDay, lang)}
        </p>
      ) : null}
      <p className="trends-intro">
        {t({
          zh: '按类别与地区预测未来的诉求量，附 80% / 95% 区间、过去预测的准确度和“未诉先办”日历。地区与类别取自筛选栏（全市或某区县；全部、一级或二级类别）；日期、渠道、类型和部门不影响预测。',
          en: 'Expected appeals by category and place, with 80% / 95% intervals, how accurate past forecasts were, and the act-before-complaints calendar. Place and category come from the filter bar (the city or a district; all, a first- or second-level category); dates, channel, type and department do not change a forecast.',
        })}
      </p>
    </div>
  );
}
