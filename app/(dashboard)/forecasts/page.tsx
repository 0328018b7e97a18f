import { pageViewer } from '@/app/_auth/current-viewer';
import type { Text } from '@/lib/i18n/codes';
import { ForecastsView } from '../../ui/forecasts/forecasts-view';
import { NotAllowed } from '../../ui/frame/not-allowed';
import { ViewHeading } from '../../ui/frame/view-heading';

export const dynamic = 'force-dynamic';

/** What the forecasts view is for and which filters change a forecast, under its title. */
const FORECASTS_INTRO: Text = {
  zh: '按类别与地区预测未来的诉求量，附 80% / 95% 区间、过去预测的准确度和“未诉先办”日历。地区与类别取自筛选栏（全市或某区县；全部、一级或二级类别）；日期、渠道、类型和部门不影响预测。',
  en: 'Expected appeals by category and place, with 80% / 95% intervals, how accurate past forecasts were, and the act-before-complaints calendar. Place and category come from the filter bar (the city or a district; all, a first- or second-level category); dates, channel, type and department do not change a forecast.',
};

/** Forecasts per category and place, their backtests, seasonal profiles, alerts and the 未诉先办 calendar. */
export default async function ForecastsPage() {
  const { refusal } = await pageViewer('/forecasts');
  if (refusal) return <NotAllowed reason={refusal} />;
  return (
    <>
      <ViewHeading
        title={{ zh: '预测', en: 'Forecasts' }}
        range={null}
        className="trends-heading"
        intro={FORECASTS_INTRO}
      />
      <ForecastsView />
    </>
  );
}
