import { ForecastsHeading } from '../../ui/forecasts/forecasts-heading';
import { ForecastsView } from '../../ui/forecasts/forecasts-view';

export const dynamic = 'force-dynamic';

/** Forecasts per category and place, their backtests, seasonal profiles, alerts and the 未诉先办 calendar. */
export default function ForecastsPage() {
  return (
    <>
      <ForecastsHeading />
      <ForecastsView />
    </>
  );
}
