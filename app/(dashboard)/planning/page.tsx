import { pageViewer } from '@/app/_auth/current-viewer';
import { NotAllowed } from '../../ui/frame/not-allowed';
import { PlanningView } from '../../ui/planning/planning-view';

export const dynamic = 'force-dynamic';

/**
 * 项目建议 (每月一题): recurring problems ranked as candidates for public projects, with the evidence behind each,
 * adjustable score weights and the proposed / adopted / done workflow (docs/recurring.md).
 */
export default async function PlanningPage() {
  const { refusal } = await pageViewer('/planning');
  if (refusal) return <NotAllowed reason={refusal} />;
  return <PlanningView />;
}
