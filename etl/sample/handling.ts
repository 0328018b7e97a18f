import type { Category } from '../../lib/taxonomy';
import type { SampleStatus, Satisfaction } from './model';
import type { Rng } from './random';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The department planted as "late far more often than the others" (ground truth: lateDepartment). */
export const LATE_DEPARTMENT = '市住房城乡建设局';

/** Categories that street offices and town governments usually handle themselves (属地管理). */
const LOCAL_CATEGORIES = new Set(['0101', '0105', '0106', '0305', '1101', '1103', '0404', '0202', '0905']);

/** Per-department speed (handling-time multiplier) and resolution rate; unlisted units use the default. */
const DEPARTMENT_PROFILE: Record<string, { speed: number; resolve: number }> = {
  [LATE_DEPARTMENT]: { speed: 3.2, resolve: 0.7 },
  国网宜宾供电公司: { speed: 0.4, resolve: 0.93 },
  宜宾市清源水务集团: { speed: 0.5, resolve: 0.92 },
  宜宾市天然气公司: { speed: 0.6, resolve: 0.9 },
  市公安局: { speed: 0.7, resolve: 0.85 },
  市人力资源社会保障局: { speed: 1.0, resolve: 0.72 },
  市综合行政执法局: { speed: 1.1, resolve: 0.8 },
  市自然资源和规划局: { speed: 1.3, resolve: 0.68 },
};
const DEFAULT_PROFILE = { speed: 1, resolve: 0.84 };

/** Who handles an appeal. */
export interface Assignment {
  department: string;
  coDepartments: string[];
  dispatchCount: number;
  returned: boolean;
  escalated: boolean;
}

/** Picks the lead and co-handling units, dispatch count, returns and escalation for one appeal. */
export function assign(category: Category, districtName: string, townName: string, rng: Rng): Assignment {
  const local = townName.endsWith('街道') ? `${townName}办事处` : `${districtName}${townName}人民政府`;
  let department = category.departments[0]!;
  if (LOCAL_CATEGORIES.has(category.code) && rng.chance(0.5))
    department = rng.chance(0.7) ? local : `${districtName}人民政府`;
  else if (category.departments.length > 1 && rng.chance(0.2))
    department = rng.pick(category.departments.slice(1));
  const others = category.departments.filter((d) => d !== department);
  const coDepartments = others.length > 0 && rng.chance(0.18) ? [rng.pick(others)] : [];
  const dispatchCount = rng.weighted([1, 2, 3, 4], [80, 14, 5, 1]);
  const returned = dispatchCount > 1 && rng.chance(0.75);
  const escalated = rng.chance(returned ? 0.15 : 0.025);
  return { department, coDepartments, dispatchCount, returned, escalated };
}

/** The timeline and outcome of an appeal as of the export cut. */
export interface Outcome {
  dispatched: number | null;
  firstResponse: number | null;
  due: number;
  closed: number | null;
  status: SampleStatus;
  resolved: boolean | null;
  satisfaction: Satisfaction;
}

/**
 * Handling times are log-normal with a median at about a third of the time limit, scaled by the department's
 * speed; anything that would close after `cut` (the export moment) is still open then.
 */
export function handle(received: number, category: Category, a: Assignment, cut: number, rng: Rng): Outcome {
  const profile = DEPARTMENT_PROFILE[a.department] ?? DEFAULT_PROFILE;
  const due = received + category.dueDays * DAY_MS;
  const dispatched = received + Math.round(rng.logNormal(35, 0.9) * 60_000) * a.dispatchCount;
  const responseHours = rng.logNormal(5, 0.8);
  const hours =
    rng.logNormal(category.dueDays * 24 * 0.3 * profile.speed, 0.75) * (1 + 0.4 * (a.dispatchCount - 1));
  const closed = dispatched + Math.round(hours * HOUR_MS);
  const firstResponse = Math.min(closed, dispatched + Math.round(responseHours * HOUR_MS));
  if (dispatched > cut) {
    return {
      dispatched: null,
      firstResponse: null,
      due,
      closed: null,
      status: 'pending',
      resolved: null,
      satisfaction: null,
    };
  }
  if (closed > cut) {
    const fr = firstResponse > cut ? null : firstResponse;
    return {
      dispatched,
      firstResponse: fr,
      due,
      closed: null,
      status: 'in_progress',
      resolved: null,
      satisfaction: null,
    };
  }
  const late = closed > due;
  const resolved = rng.chance(profile.resolve * (late ? 0.85 : 1) * (a.returned ? 0.85 : 1));
  let satisfaction: Satisfaction = null;
  if (rng.chance(0.72)) {
    const weights = resolved ? [70, 22, 8] : [8, 30, 62];
    if (late) weights[2]! += 20;
    satisfaction = rng.weighted(['满意', '基本满意', '不满意'] as const, weights);
  }
  return { dispatched, firstResponse, due, closed, status: 'closed', resolved, satisfaction };
}
