/**
 * Who may see what (docs/security.md). A role says which kind of data a reader may receive; a scope (a region or a
 * department) narrows it to their own part of the city. Both are enforced on the server for every page, API route,
 * export and briefing (app/api/_lib/route.ts, lib/auth/access.ts), never only hidden in the UI.
 */
export const ROLES = ['leadership', 'analyst', 'office', 'department', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_TEXT: Record<Role, { zh: string; en: string }> = {
  leadership: { zh: '领导', en: 'Leadership' },
  analyst: { zh: '分析员', en: 'Analyst' },
  office: { zh: '区县/街道', en: 'District / street office' },
  department: { zh: '承办部门', en: 'Department' },
  admin: { zh: '管理员', en: 'Administrator' },
};

/** A signed-in reader as the server sees them on each request. */
export interface Viewer {
  username: string;
  role: Role;
  /** Region code an office user is limited to (their district or street, and its children). */
  region?: string;
  /** Handling department a department user is limited to (as stored in `tickets.department`). */
  department?: string;
}

/** Ticket rows and their (masked) text: everyone but leadership, who read aggregates only. */
export function canReadTickets(viewer: Viewer): boolean {
  return viewer.role !== 'leadership';
}

/** Users, roles, source layouts, load status and the audit trail. */
export function canAdminister(viewer: Viewer): boolean {
  return viewer.role === 'admin';
}

/**
 * Counts below SMALL_COUNT_LIMIT could point at one person (two complaints about one small street); readers without
 * ticket access see them as "<3".
 */
export const SMALL_COUNT_LIMIT = 3;

export function suppressesSmallCounts(viewer: Viewer): boolean {
  return !canReadTickets(viewer);
}

/** The city-wide views (briefing, forecasts of every place) that have no per-region or per-department cut. */
export function isScoped(viewer: Viewer): boolean {
  return viewer.region !== undefined || viewer.department !== undefined;
}
