import ExcelJS from 'exceljs';
import type { WorkflowState } from '../../appdb/workflow';
import type { Lang } from '../../i18n/codes';
import type { PlanningCandidate } from '../../queries/planning-candidates';
import type { PlanningEvidence } from '../../queries/planning-evidence';
import { RECURRING_KIND_LABELS } from './parameters';
import { COMPONENT_DEFINITIONS, SCORE_COMPONENTS, type Weights } from './ranker';

/** Everything one brief shows. */
export interface BriefInput {
  candidate: PlanningCandidate;
  evidence: PlanningEvidence;
  weights: Weights;
  range: { from: string; to: string };
  workflow: WorkflowState | undefined;
  lang: Lang;
}

const L = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

/**
 * The one-page brief of a candidate as an XLSX workbook (one sheet, set to fit one A4 page): what and where, the
 * suggested project, the score with each component and weight, the monthly timeline, categories, departments and
 * the latest masked appeals. Text is written as strings, never formulas.
 */
export async function briefXlsx(input: BriefInput): Promise<Buffer> {
  const { candidate: c, evidence, weights, range, workflow, lang } = input;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(L(lang, '项目建议简报', 'Project brief'), {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1 },
  });
  sheet.columns = [{ width: 22 }, { width: 60 }, { width: 12 }];
  const title = sheet.addRow([c.label ?? c.issueId]);
  title.font = { bold: true, size: 14 };
  const section = (text: string) => {
    sheet.addRow([]);
    sheet.addRow([text]).font = { bold: true };
  };
  const pair = (key: string, value: string | number | null) => sheet.addRow([key, value ?? '—']);
  pair(L(lang, '候选编号', 'Candidate id'), c.issueId);
  pair(L(lang, '类型', 'Kind'), RECURRING_KIND_LABELS[c.kind][lang]);
  pair(
    L(lang, '类别', 'Category'),
    `${c.categoryL2 ?? ''} ${(lang === 'zh' ? c.categoryZh : c.categoryEn) ?? ''}`,
  );
  pair(L(lang, '位置', 'Location'), [c.countyName, c.townName].filter(Boolean).join(' '));
  if (c.lat !== null && c.lon !== null)
    pair(L(lang, '坐标 (WGS-84)', 'Coordinates (WGS-84)'), `${c.lat.toFixed(5)}, ${c.lon.toFixed(5)}`);
  pair(L(lang, '建议项目', 'Suggested project'), c.project ? c.project[lang] : null);
  pair(L(lang, '统计区间', 'Range'), `${range.from} – ${range.to}`);
  pair(
    L(lang, '办理进度', 'Workflow'),
    workflow ? `${workflow.status} ${workflow.date}${workflow.note ? ` · ${workflow.note}` : ''}` : null,
  );
  section(
    L(lang, `得分 ${c.score.toFixed(1)}（第 ${c.rank} 名）`, `Score ${c.score.toFixed(1)} (rank ${c.rank})`),
  );
  sheet.addRow([
    L(lang, '分项', 'Component'),
    L(lang, '定义', 'Definition'),
    L(lang, '值 × 权重', 'Value × weight'),
  ]).font = { italic: true };
  for (const k of SCORE_COMPONENTS) {
    sheet.addRow([k, COMPONENT_DEFINITIONS[k][lang], `${c.components[k].toFixed(2)} × ${weights[k]}`]);
  }
  section(L(lang, '数据', 'Figures'));
  pair(L(lang, '诉求件数', 'Appeals'), c.tickets);
  pair(L(lang, '出现月数 / 区间月数', 'Months present / in range'), `${c.months} / ${c.rangeMonths}`);
  pair(L(lang, '来电人数', 'Distinct callers'), c.callers);
  pair(L(lang, '重复诉求', 'Repeat appeals'), c.repeatTickets);
  pair(L(lang, '未解决 / 已知结果', 'Unresolved / known'), `${c.unresolved} / ${c.resolutionKnown}`);
  pair(L(lang, '不满意 / 已评价', 'Dissatisfied / rated'), `${c.dissatisfied} / ${c.rated}`);
  pair(L(lang, '逐月件数', 'Appeals by month'), c.timeline.map((m) => `${m.month}: ${m.tickets}`).join(', '));
  section(L(lang, '类别与承办单位', 'Categories and departments'));
  for (const cat of evidence.categories) pair((lang === 'zh' ? cat.zh : cat.en) ?? '—', cat.tickets);
  for (const d of evidence.departments) pair(d.department ?? '—', d.tickets);
  section(L(lang, '最近诉求（已脱敏）', 'Latest appeals (masked)'));
  for (const s of evidence.samples) {
    const row = sheet.addRow([s.receivedAt, `${s.title ?? ''} ${s.content ?? ''}`.trim(), s.channel]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
