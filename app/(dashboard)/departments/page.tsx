import { pageViewer } from '@/app/_auth/current-viewer';
import { DEPARTMENT_SCORE_FORMULA, MIN_RANKED_TICKETS } from '@/lib/queries/department-scorecard';
import { OnTimeBottomPanel } from '../../ui/departments/on-time-bottom-panel';
import { OverduePanel } from '../../ui/departments/overdue-panel';
import { ScorecardPanel } from '../../ui/departments/scorecard-panel';
import { NotAllowed } from '../../ui/frame/not-allowed';
import { ViewHeading } from '../../ui/frame/view-heading';

export const dynamic = 'force-dynamic';

/**
 * 部门考评: every department ranked by a complexity-weighted score with its KPIs, who closes least on time, and
 * the overdue tickets. The score's formula and the ranking threshold are read here, on the server: their module
 * also queries the warehouse, which must not reach the browser bundle.
 */
export default async function DepartmentsPage() {
  const { refusal } = await pageViewer('/departments');
  if (refusal) return <NotAllowed reason={refusal} />;
  return (
    <>
      <ViewHeading title={{ zh: '部门考评', en: 'Departments' }} />
      <ScorecardPanel formula={DEPARTMENT_SCORE_FORMULA} minTickets={MIN_RANKED_TICKETS} />
      <div className="panel-grid departments-grid">
        <OnTimeBottomPanel />
        <OverduePanel />
      </div>
    </>
  );
}
