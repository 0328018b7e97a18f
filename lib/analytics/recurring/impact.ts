/**
 * Did a finished project make the complaints stop? A difference-in-differences on monthly appeal rates: the
 * change at the project's place from before to after the done date, minus the average change over similar areas
 * without the project (same category, other H3 r8 cells). The interval comes from the control areas themselves: the
 * spread of their own before→after changes says how much a place changes by chance (a placebo distribution), so
 * the effect's 95% interval is ±1.96 × that spread × √(1 + 1/n). "Not enough data" is said when it is the truth.
 */

/** Appeals of one area in the months before and after the done date. */
export interface AreaCounts {
  before: number;
  after: number;
}

export interface ImpactInput {
  treated: AreaCounts;
  controls: readonly AreaCounts[];
  monthsBefore: number;
  monthsAfter: number;
}

export const IMPACT_MIN_MONTHS_AFTER = 3;
export const IMPACT_MIN_CONTROLS = 5;

export type ImpactResult =
  | {
      enough: true;
      /** Appeals per month. */
      treatedBefore: number;
      treatedAfter: number;
      controlBefore: number;
      controlAfter: number;
      /** (treated after − before) − (control after − before), appeals per month; negative = fewer complaints. */
      effect: number;
      low: number;
      high: number;
      controls: number;
      monthsBefore: number;
      monthsAfter: number;
    }
  | { enough: false; reason: 'too_few_months_after' | 'too_few_months_before' | 'too_few_controls' };

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export function differenceInDifferences(input: ImpactInput): ImpactResult {
  if (input.monthsAfter < IMPACT_MIN_MONTHS_AFTER) return { enough: false, reason: 'too_few_months_after' };
  if (input.monthsBefore < IMPACT_MIN_MONTHS_AFTER) return { enough: false, reason: 'too_few_months_before' };
  if (input.controls.length < IMPACT_MIN_CONTROLS) return { enough: false, reason: 'too_few_controls' };
  const rate = (a: AreaCounts) => ({
    before: a.before / input.monthsBefore,
    after: a.after / input.monthsAfter,
  });
  const treated = rate(input.treated);
  const controls = input.controls.map(rate);
  const changes = controls.map((c) => c.after - c.before);
  const controlChange = mean(changes);
  const sd = Math.sqrt(changes.reduce((a, c) => a + (c - controlChange) ** 2, 0) / (changes.length - 1));
  const effect = treated.after - treated.before - controlChange;
  const half = 1.96 * sd * Math.sqrt(1 + 1 / changes.length);
  return {
    enough: true,
    treatedBefore: treated.before,
    treatedAfter: treated.after,
    controlBefore: mean(controls.map((c) => c.before)),
    controlAfter: mean(controls.map((c) => c.after)),
    effect,
    low: effect - half,
    high: effect + half,
    controls: controls.length,
    monthsBefore: input.monthsBefore,
    monthsAfter: input.monthsAfter,
  };
}
