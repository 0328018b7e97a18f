import { pageViewer } from '@/app/_auth/current-viewer';
import type { Text } from '@/lib/i18n/codes';
import { NotAllowed } from '../../ui/frame/not-allowed';
import { ViewHeading } from '../../ui/frame/view-heading';
import { TrendControls } from '../../ui/trends/trend-controls';
import { TrendsView } from '../../ui/trends/trends-view';

export const dynamic = 'force-dynamic';

/** What the trends view is for, under its title. */
const TRENDS_INTRO: Text = {
  zh: '任一指标随时间的变化，可按类别、地区或渠道拆分；明显超出预期范围的时期标为异常。',
  en: 'Any metric over time, split by category, district or channel; periods far outside their expected range are marked as anomalies.',
};

/** The analysts' trends: any metric over time, split by a dimension, with anomalies marked and listed. */
export default async function TrendsPage() {
  const { refusal } = await pageViewer('/trends');
  if (refusal) return <NotAllowed reason={refusal} />;
  return (
    <>
      <ViewHeading title={{ zh: '趋势', en: 'Trends' }} className="trends-heading" intro={TRENDS_INTRO} />
      <TrendControls />
      <TrendsView />
    </>
  );
}
