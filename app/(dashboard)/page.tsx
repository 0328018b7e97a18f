import { pageViewer } from '@/app/_auth/current-viewer';
import { NotAllowed } from '../ui/frame/not-allowed';
import { ViewHeading } from '../ui/frame/view-heading';
import { CategoryPanel } from '../ui/overview/category-panel';
import { ChannelPanel } from '../ui/overview/channel-panel';
import { DataQualityNotes } from '../ui/overview/data-quality-notes';
import { DistrictPanel } from '../ui/overview/district-panel';
import { KpiCards } from '../ui/overview/kpi-cards';
import { VolumeTrendPanel } from '../ui/overview/volume-trend-panel';

export const dynamic = 'force-dynamic';

/** The leadership overview: how the period went, what rose, where, and through which channels. */
export default async function OverviewPage() {
  const { refusal } = await pageViewer('/');
  if (refusal) return <NotAllowed reason={refusal} />;
  return (
    <>
      <ViewHeading title={{ zh: '总览', en: 'Overview' }} />
      <KpiCards />
      <DataQualityNotes />
      <div className="panel-grid">
        <VolumeTrendPanel />
        <ChannelPanel />
        <CategoryPanel />
        <DistrictPanel />
      </div>
    </>
  );
}
