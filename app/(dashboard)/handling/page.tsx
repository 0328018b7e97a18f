import { pageViewer } from '@/app/_auth/current-viewer';
import { NotAllowed } from '../../ui/frame/not-allowed';
import { HandlingView } from '../../ui/handling/handling-view';

export const dynamic = 'force-dynamic';

/**
 * 办理质量: bounced dispatches and unclear responsibilities, re-dispatch and multi-unit rates, escalations, and
 * closures that do not hold (docs/handling.md).
 */
export default async function HandlingPage() {
  const { refusal } = await pageViewer('/handling');
  if (refusal) return <NotAllowed reason={refusal} />;
  return <HandlingView />;
}
