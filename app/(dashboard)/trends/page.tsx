import { pageViewer } from '@/app/_auth/current-viewer';
import { NotAllowed } from '../../ui/frame/not-allowed';
import { TrendControls } from '../../ui/trends/trend-controls';
import { TrendsHeading } from '../../ui/trends/trends-heading';
import { TrendsView } from '../../ui/trends/trends-view';

export const dynamic = 'force-dynamic';

/** The analysts' trends: any metric over time, split by a dimension, with anomalies marked and listed. */
export default async function TrendsPage() {
  const { refusal } = await pageViewer('/trends');
  if (refusal) return <NotAllowed reason={refusal} />;
  return (
    <>
      <TrendsHeading />
      <TrendControls />
      <TrendsView />
    </>
  );
}
