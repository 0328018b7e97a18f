import { pageViewer } from '@/app/_auth/current-viewer';
import { DispatchView } from '../../ui/dispatch/dispatch-view';
import { NotAllowed } from '../../ui/frame/not-allowed';

export const dynamic = 'force-dynamic';

/** 智能派单建议: suggested lead and co-handling units for a pasted appeal (docs/handling.md). */
export default async function DispatchPage() {
  const { refusal } = await pageViewer('/dispatch');
  if (refusal) return <NotAllowed reason={refusal} />;
  return <DispatchView />;
}
