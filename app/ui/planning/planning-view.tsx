'use client';

import { useQuery } from '@tanstack/react-query';
import { RECURRING_KIND_LABELS } from '@/lib/analytics/recurring/parameters';
import { DEFAULT_WEIGHTS, SCORE_COMPONENTS, type Weights } from '@/lib/analytics/recurring/ranker';
import { planningQueries } from '../data/planning-queries';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatCount } from '../format';
import { ViewHeading } from '../frame/view-heading';
import { useText } from '../i18n/preferences';
import { Empty, ErrorNotice, Loading, Panel } from '../states/widget-state';
import { CandidateDetail } from './candidate-detail';
import { CandidateSparkline } from './candidate-sparkline';
import { planningFilters } from './planning-range';
import { STATUS_TEXT } from './planning-text';
import { WeightsPanel } from './weights-panel';

/** How many candidates the list shows. */
const SHOWN = 30;

// Layout kept beside the component: globals.css is shared by every view.
const ROW_STYLE: React.CSSProperties = {
  display: 'grid',
  gridTemplateColumns: '2.5em minmax(0, 1fr) 124px 9em 3.5em',
  gap: 8,
  alignItems: 'center',
  width: '100%',
  textAlign: 'left',
  background: 'none',
  border: 0,
  borderBottom: '1px solid #e5e7eb',
  padding: '6px 4px',
  cursor: 'pointer',
};
/** The kinds a planner can list: problems of a place by default (what a project can fix). */
const KIND_CHOICES = [
  { value: 'place,crowd', text: { zh: '同地反复 + 多人同诉', en: 'Place problems' } },
  { value: 'caller', text: RECURRING_KIND_LABELS.caller },
  { value: 'text', text: RECURRING_KIND_LABELS.text },
  { value: 'place,crowd,caller,text', text: { zh: '全部类型', en: 'All kinds' } },
];
const LIST_STYLE: React.CSSProperties = { listStyle: 'none', margin: 0, padding: 0 };

/**
 * The planners' view: weights, the ranked candidates (with their workflow status) and the selected candidate's
 * evidence and workflow. Weights (`w_*`), kinds and the selected candidate (`candidate`) live in the URL.
 */
export function PlanningView() {
  const { filters: urlFilters, searchParams, update } = useDashboardFilters();
  const { t, lang } = useText();
  const filters = planningFilters(urlFilters, searchParams.has('from'));
  const weights: Weights = { ...DEFAULT_WEIGHTS };
  const view: Record<string, string | undefined> = { kinds: searchParams.get('kinds') ?? undefined };
  for (const k of SCORE_COMPONENTS) {
    const raw = searchParams.get(`w_${k}`);
    if (raw !== null && Number.isFinite(Number(raw))) weights[k] = Number(raw);
    view[`w_${k}`] = raw ?? undefined;
  }
  const selected = searchParams.get('candidate');
  const candidates = useQuery(planningQueries.candidates(filters, view));
  const workflow = useQuery(planningQueries.workflow());
  const states = new Map((workflow.data ?? []).map((s) => [s.issueId, s]));

  let list: React.ReactNode;
  if (candidates.isPending) list = <Loading height={420} />;
  else if (candidates.isError) list = <ErrorNotice error={candidates.error} height={420} />;
  else if (candidates.data.length === 0)
    list = (
      <Empty height={200}>
        {t({
          zh: '所选条件下没有反复出现的问题。请放宽时间范围或筛选条件。',
          en: 'No recurring problems under these filters. Widen the dates or remove a filter.',
        })}
      </Empty>
    );
  else
    list = (
      <ol className="planning-candidates" data-testid="planning-candidates" style={LIST_STYLE}>
        {candidates.data.slice(0, SHOWN).map((c) => {
          const state = states.get(c.issueId);
          return (
            <li key={c.issueId} aria-current={c.issueId === selected ? 'true' : undefined}>
              <button
                type="button"
                onClick={() => update({ candidate: c.issueId })}
                data-issue={c.issueId}
                style={{ ...ROW_STYLE, background: c.issueId === selected ? '#eef2ff' : 'none' }}
              >
                <span className="rank">{c.rank}</span>
                <span className="what" style={{ display: 'flex', flexDirection: 'column' }}>
                  <strong>{c.label ?? c.issueId}</strong>
                  <small>
                    {lang === 'zh' ? c.categoryZh : c.categoryEn} · {c.countyName ?? ''} {c.townName ?? ''} ·{' '}
                    {t(RECURRING_KIND_LABELS[c.kind])}
                    {state ? ` · ${t(STATUS_TEXT[state.status])}` : ''}
                  </small>
                </span>
                <CandidateSparkline timeline={c.timeline} range={filters} />
                <span className="numbers">
                  {formatCount(c.tickets, lang)} {t({ zh: '件', en: 'appeals' })} · {c.months}
                  {t({ zh: '个月', en: ' months' })}
                </span>
                <span className="score" data-testid="candidate-score">
                  {c.score.toFixed(1)}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    );

  const current = candidates.data?.find((c) => c.issueId === selected);
  return (
    <>
      <ViewHeading
        title={{ zh: '项目建议（每月一题）', en: 'Planning: project candidates' }}
        range={filters}
        asOf={false}
      />
      <WeightsPanel
        weights={weights}
        onChange={(k, value) => update({ [`w_${k}`]: String(value) })}
        onReset={() => update(Object.fromEntries(SCORE_COMPONENTS.map((k) => [`w_${k}`, null])))}
      />
      <div className="panel-grid planning-grid">
        <Panel
          title={t({ zh: '候选问题排名', en: 'Ranked candidates' })}
          actions={
            <select
              aria-label={t({ zh: '问题类型', en: 'Kinds' })}
              data-testid="planning-kinds"
              value={view.kinds ?? 'place,crowd'}
              onChange={(e) => update({ kinds: e.target.value === 'place,crowd' ? null : e.target.value })}
            >
              {KIND_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {t(choice.text)}
                </option>
              ))}
            </select>
          }
        >
          {list}
        </Panel>
        {current ? (
          <CandidateDetail candidate={current} filters={filters} state={states.get(current.issueId)} />
        ) : (
          <Panel title={t({ zh: '证据', en: 'Evidence' })}>
            <Empty height={200}>{t({ zh: '请选择一个候选问题。', en: 'Pick a candidate.' })}</Empty>
          </Panel>
        )}
      </div>
    </>
  );
}
