import { z } from 'zod';
import { HANDLING_PARAMETERS } from '../analytics/handling/parameters';

/** Dimensions the re-dispatch and multi-unit rates can be broken down by. */
export const HANDLING_DIMENSIONS = ['category', 'region', 'unit'] as const;
export type HandlingDimension = (typeof HANDLING_DIMENSIONS)[number];

/**
 * The handling-quality view's own URL parameters: `window`, the days after a closure in which a new appeal on the
 * same problem reopens it (1 to the step's search horizon, default 30), and `by`, the breakdown of the rates.
 */
export const HANDLING_VIEW = {
  window: z.coerce.number().int().min(1).max(HANDLING_PARAMETERS.reopenSearchDays).optional(),
  by: z.enum(HANDLING_DIMENSIONS).optional(),
};

export const reopenWindow = (view: { window?: number }) =>
  view.window ?? HANDLING_PARAMETERS.reopenWindowDays;
