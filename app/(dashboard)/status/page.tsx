import { pageViewer } from '@/app/_auth/current-viewer';
import { fetchChannelSummary, fetchLoadSummary } from '@/lib/queries/warehouse-summary';
import { NotAllowed } from '../../ui/frame/not-allowed';
import { WarehouseStatus } from '../../ui/warehouse/warehouse-status';

export const dynamic = 'force-dynamic';

/** The warehouse's contents and latest loads (what an administrator checks after loading). */
export default async function StatusPage() {
  const { refusal } = await pageViewer('/status');
  if (refusal) return <NotAllowed reason={refusal} />;
  const [channels, loads] = await Promise.all([fetchChannelSummary(), fetchLoadSummary()]);
  return <WarehouseStatus channels={channels} loads={loads} />;
}
