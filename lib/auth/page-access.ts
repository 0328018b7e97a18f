import type { RouteAccess } from './access';
import { AccessError, checkRole } from './access';
import type { Viewer } from './roles';

/**
 * Who may open each page: the same rule as the API routes the page reads (a page is refused on the server when its
 * data would be, and left out of the navigation), so the UI never shows what the API would not give.
 */
export const PAGE_ACCESS = {
  '/': { reveals: 'aggregates', honours: ['region', 'dept'] },
  '/trends': { reveals: 'aggregates', honours: ['region', 'dept'] },
  '/words': { reveals: 'aggregates', honours: ['region', 'dept'] },
  '/map': { reveals: 'aggregates', honours: ['region', 'dept'] },
  '/departments': { reveals: 'aggregates', honours: ['region', 'dept'] },
  '/forecasts': { reveals: 'aggregates', honours: ['region'] },
  '/planning': { reveals: 'tickets', honours: ['region', 'dept'] },
  '/tickets': { reveals: 'tickets', honours: ['region', 'dept'] },
  '/handling': { reveals: 'aggregates', honours: ['region', 'dept'] },
  '/dispatch': { reveals: 'tickets', honours: ['region', 'dept'] },
  '/briefing': { reveals: 'aggregates', honours: [] },
  '/status': { reveals: 'admin', honours: ['region', 'dept'] },
  '/admin': { reveals: 'admin', honours: ['region', 'dept'] },
} as const satisfies Record<string, RouteAccess>;

export type PagePath = keyof typeof PAGE_ACCESS;

/** Why the viewer may not open the page, or null when they may. */
export function pageRefusal(viewer: Viewer, page: PagePath): string | null {
  try {
    checkRole(viewer, PAGE_ACCESS[page]);
    return null;
  } catch (error) {
    if (error instanceof AccessError) return error.message;
    throw error;
  }
}

/** The pages the viewer may open, for the navigation. */
export function allowedPages(viewer: Viewer): PagePath[] {
  return (Object.keys(PAGE_ACCESS) as PagePath[]).filter((page) => pageRefusal(viewer, page) === null);
}
