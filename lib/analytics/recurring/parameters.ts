/**
 * Thresholds of recurring-issue detection (docs/recurring.md). Chosen so that a problem has to come back, not just
 * occur: on the sample city a background address almost never holds two appeals, so three months or three callers
 * at one place and category is already far outside chance.
 */
export const RECURRING_PARAMETERS = {
  /** place: distinct calendar months with an appeal of the same second-level category at the same place. */
  placeMinMonths: 3,
  /** place: appeals at least. */
  placeMinTickets: 5,
  /** crowd (多人同诉): distinct callers on the same place and category (when the place is not already recurring). */
  crowdMinCallers: 3,
  /** caller (一人多诉): appeals of one caller on the same second-level category. */
  callerMinTickets: 3,
  /** text: MinHash signature length and LSH banding (bands × rows = hashes). */
  minHashes: 64,
  lshBands: 16,
  /** text: exact Jaccard similarity of two appeals' word sets to call them the same problem. */
  textMinJaccard: 0.6,
  /** text: appeals further apart in time are not duplicates of each other (hours). */
  textMaxHours: 72,
} as const;

export type RecurringKind = 'place' | 'crowd' | 'caller' | 'text';

/** zh/en labels of the kinds, for the planners' page and the brief. */
export const RECURRING_KIND_LABELS: Record<RecurringKind, { zh: string; en: string }> = {
  place: { zh: '同地反复', en: 'Same place, recurring' },
  crowd: { zh: '多人同诉', en: 'Many callers, one problem' },
  caller: { zh: '一人多诉', en: 'One caller, repeated' },
  text: { zh: '重复诉求', en: 'Near-duplicate appeals' },
};
