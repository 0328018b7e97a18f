'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DEFAULT_WEIGHTS, SCORE_COMPONENTS } from '@/lib/analytics/recurring/ranker';
import type { WorkflowState } from '@/lib/appdb/workflow';
import { WORKFLOW_STATUSES, type WorkflowStatus } from '@/lib/appdb/workflow-schema';
import type { Filters } from '@/lib/filters/filters';
import type { PlanningCandidate } from '@/lib/queries/planning-candidates';
import { planningQueries, postWorkflowChange } from '../data/planning-queries';
import { formatCount, formatShare } from '../format';
import { useText } from '../i18n/preferences';
import { ErrorNotice, Loading, Panel } from '../states/widget-state';
import { CandidateSparkline } from './candidate-sparkline';
import { ImpactPanel } from './impact-panel';
import { COMPONENT_TEXT, STATUS_TEXT } from './planning-text';

/** The selected candidate: its score broken down, where and what it is, the evidence, and its workflow. */
export function CandidateDetail({
  candidate: c,
  filters,
  state,
}: {
  candidate: PlanningCandidate;
  filters: Filters;
  state: WorkflowState | undefined;
}) {
  const { t, lang } = useText();
  const evidence = useQuery(planningQueries.evidence(filters, c.issueId));
  return (
    <Panel title={c.label ?? c.issueId} testId="candidate-detail">
      <p>
        {lang === 'zh' ? c.categoryZh : c.categoryEn} · {c.countyName ?? ''} {c.townName ?? ''}
        {c.lon !== null && c.lat !== null ? ` · ${c.lat.toFixed(5)}, ${c.lon.toFixed(5)}` : ''}
      </p>
      <p data-testid="suggested-project">
        {t({ zh: '建议项目：', en: 'Suggested project: ' })}
        <strong>{c.project ? t(c.project) : t({ zh: '（无）', en: '(none)' })}</strong>
      </p>
      <CandidateSparkline timeline={c.timeline} range={filters} width={360} height={60} />
      <table className="planning-components">
        <thead>
          <tr>
            <th>{t({ zh: '分项', en: 'Component' })}</th>
            <th>{t({ zh: '得分 0–1', en: 'Value 0–1' })}</th>
          </tr>
        </thead>
        <tbody>
          {SCORE_COMPONENTS.map((k) => (
            <tr key={k}>
              <td>{t(COMPONENT_TEXT[k])}</td>
              <td className="numeric">{c.components[k].toFixed(2)}</td>
            </tr>
          ))}
          <tr>
            <th>{t({ zh: '总分', en: 'Score' })}</th>
            <th className="numeric">{c.score.toFixed(1)}</th>
          </tr>
        </tbody>
      </table>
      <p className="subtitle">
        {formatCount(c.tickets, lang)} {t({ zh: '件', en: 'appeals' })} · {c.callers}{' '}
        {t({ zh: '位来电人', en: 'callers' })} · {t({ zh: '未解决', en: 'unresolved' })}{' '}
        {formatShare(c.resolutionKnown ? c.unresolved / c.resolutionKnown : null, lang)} ·{' '}
        {t({ zh: '不满意', en: 'dissatisfied' })}{' '}
        {formatShare(c.rated ? c.dissatisfied / c.rated : null, lang)}
      </p>
      {evidence.isPending ? (
        <Loading height={160} />
      ) : evidence.isError ? (
        <ErrorNotice error={evidence.error} height={160} />
      ) : (
        <>
          <h3>{t({ zh: '类别构成', en: 'Categories' })}</h3>
          <ul>
            {evidence.data.categories.map((cat) => (
              <li key={cat.code ?? '-'}>
                {(lang === 'zh' ? cat.zh : cat.en) ?? t({ zh: '未分类', en: 'Uncategorised' })}: {cat.tickets}
              </li>
            ))}
          </ul>
          <h3>{t({ zh: '承办单位', en: 'Departments' })}</h3>
          <ul>
            {evidence.data.departments.map((d) => (
              <li key={d.department ?? '-'}>
                {d.department ?? t({ zh: '未派单', en: 'Not dispatched' })}: {d.tickets}
              </li>
            ))}
          </ul>
          <h3>{t({ zh: '最近诉求（已脱敏）', en: 'Latest appeals (masked)' })}</h3>
          <ul className="planning-samples" data-testid="planning-samples">
            {evidence.data.samples.map((s) => (
              <li key={s.ticketId}>
                <small>
                  {s.receivedAt} · {s.channel}
                </small>{' '}
                {s.title ? <strong>{s.title} </strong> : null}
                {s.content}
              </li>
            ))}
          </ul>
        </>
      )}
      <WorkflowForm key={`${c.issueId}:${state?.updatedAt ?? ''}`} issueId={c.issueId} state={state} />
      {state?.status === 'done' ? <ImpactPanel issueId={c.issueId} done={state.date} /> : null}
      <p>
        <a
          href={`/api/planning/brief?${new URLSearchParams({ from: filters.from, to: filters.to, issue: c.issueId })}`}
          data-testid="brief-link"
        >
          {t({ zh: '导出一页简报（XLSX）', en: 'Export one-page brief (XLSX)' })}
        </a>
      </p>
      <p className="subtitle">
        {t({ zh: '默认权重：', en: 'Default weights: ' })}
        {SCORE_COMPONENTS.map((k) => `${t(COMPONENT_TEXT[k])} ${DEFAULT_WEIGHTS[k]}`).join(' · ')}
      </p>
    </Panel>
  );
}

/** Proposed / adopted / done / dropped with a date and a note, saved to the application database. */
function WorkflowForm({ issueId, state }: { issueId: string; state: WorkflowState | undefined }) {
  const { t } = useText();
  const client = useQueryClient();
  const [status, setStatus] = useState<WorkflowStatus>(state?.status ?? 'proposed');
  const [date, setDate] = useState(state?.date ?? new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState(state?.note ?? '');
  const save = useMutation({
    mutationFn: () => postWorkflowChange({ issueId, status, date, note }),
    onSuccess: () => client.invalidateQueries({ queryKey: planningQueries.workflow().queryKey }),
  });
  return (
    <form
      className="planning-workflow"
      data-testid="workflow-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h3>{t({ zh: '办理进度', en: 'Workflow' })}</h3>
      <p data-testid="workflow-status">
        {state
          ? `${t(STATUS_TEXT[state.status])} · ${state.date}${state.note ? ` · ${state.note}` : ''}`
          : t({ zh: '尚未提议', en: 'Not proposed yet' })}
      </p>
      <label>
        {t({ zh: '状态', en: 'Status' })}{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value as WorkflowStatus)} name="status">
          {WORKFLOW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(STATUS_TEXT[s])}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t({ zh: '日期', en: 'Date' })}{' '}
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} name="date" required />
      </label>{' '}
      <label>
        {t({ zh: '备注', en: 'Note' })}{' '}
        <input
          type="text"
          value={note}
          maxLength={1000}
          onChange={(e) => setNote(e.target.value)}
          name="note"
        />
      </label>{' '}
      <button type="submit" disabled={save.isPending}>
        {t({ zh: '保存', en: 'Save' })}
      </button>
      {save.isError ? <ErrorNotice error={save.error} height={40} /> : null}
      {state && state.history.length > 1 ? (
        <ol className="planning-history">
          {state.history.map((h) => (
            <li key={h.at}>
              {h.date} {t(STATUS_TEXT[h.status])} {h.note}
            </li>
          ))}
        </ol>
      ) : null}
    </form>
  );
}
