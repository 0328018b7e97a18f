import { pageViewer } from '@/app/_auth/current-viewer';
import { ForecastsHeading } from '../../ui/forecasts/forecasts-heading';
import { ForecastsView } from '../../ui/forecasts/forecasts-view';
import { NotAllowed } from '../../ui/frame/not-allowed';

export const dynamic = 'force-dynamic';

/** Forecasts per category and place, their backtests, seasonal profiles, alerts and the 未诉先办 calendar. */
export default async function ForecastsPage() {
  const { refusal } = await pageViewer('/forecasts');
  if (refusal) return <NotAllowed reason={refusal} />;
  return (
    <>
      <ForecastsHeading />
      <ForecastsView />
    </>
  );
}
