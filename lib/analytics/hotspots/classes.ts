/**
 * What the hotspot tables mean, shared by the ETL step that writes them (etl/analytics/hotspots.ts) and the map
 * that reads them: the parameters, and the emerging-hotspot class codes stored in hotspot_cells.hotspot_class with
 * their labels. The rules behind each class are in emerging-classes.ts and docs/hotspots.md.
 */

export const HOTSPOT_PARAMETERS = {
  /** H3 resolution of the analysed cells (about 0.74 km², 460 m edge): a few streets, the scale of a fix. */
  resolution: 8,
  /** Neighbourhood: the cell and every cell within this many grid steps (k = 1: 7 cells, about 5 km²). */
  kRing: 1,
  /**
   * Months counted in each month's test: the month and the one before (ArcGIS's default neighbourhood time step of
   * 1). Doubles the evidence for a place with a steady few appeals a month; a surge shows in its own month.
   */
  testWindowMonths: 2,
  /** False-discovery rate at which a cell-month is called hot or cold. */
  fdrAlpha: 0.05,
  /** Significance of the Mann-Kendall trend that makes a persistent hotspot intensifying or diminishing. */
  trendAlpha: 0.05,
  /** Share of the months a cell must be hot to be persistent, intensifying, diminishing or historical (ArcGIS: 90%). */
  persistentShare: 0.9,
  /** A second-level category is analysed on its own when at least this many located appeals carry it. */
  minSecondLevelTickets: 100,
} as const;

/** The hot-spot classes; `cold_<code>` is the same pattern for significantly low values. */
export const HOT_CLASS_CODES = [
  'new',
  'consecutive',
  'intensifying',
  'persistent',
  'seasonal',
  'diminishing',
  'sporadic',
  'oscillating',
  'historical',
] as const;
export type HotClassCode = (typeof HOT_CLASS_CODES)[number];
export type HotspotClassCode = HotClassCode | `cold_${HotClassCode}`;

/**
 * How a planner reads a class: `emerging` (getting worse: act now), `recurring` (a lasting or yearly problem: a
 * project candidate), `fading` (was a hotspot, receding: check the fix held), `irregular` (comes and goes).
 */
export type HotspotFamily = 'emerging' | 'recurring' | 'fading' | 'irregular';

export interface HotspotClassInfo {
  code: HotspotClassCode;
  hot: boolean;
  family: HotspotFamily;
  zh: string;
  en: string;
}

const HOT_LABELS: Record<HotClassCode, { family: HotspotFamily; zh: string; en: string }> = {
  new: { family: 'emerging', zh: '新增热点', en: 'New hot spot' },
  consecutive: { family: 'emerging', zh: '连续热点', en: 'Consecutive hot spot' },
  intensifying: { family: 'emerging', zh: '加剧热点', en: 'Intensifying hot spot' },
  persistent: { family: 'recurring', zh: '持续热点', en: 'Persistent hot spot' },
  seasonal: { family: 'recurring', zh: '季节性持续热点', en: 'Seasonal persistent hot spot' },
  diminishing: { family: 'fading', zh: '减弱热点', en: 'Diminishing hot spot' },
  historical: { family: 'fading', zh: '历史热点', en: 'Historical hot spot' },
  sporadic: { family: 'irregular', zh: '零星热点', en: 'Sporadic hot spot' },
  oscillating: { family: 'irregular', zh: '振荡热点', en: 'Oscillating hot spot' },
};

const COLD_ZH: Record<HotClassCode, string> = {
  new: '新增冷点',
  consecutive: '连续冷点',
  intensifying: '加剧冷点',
  persistent: '持续冷点',
  seasonal: '季节性冷点',
  diminishing: '减弱冷点',
  historical: '历史冷点',
  sporadic: '零星冷点',
  oscillating: '振荡冷点',
};

/** Every class code with its labels, hot classes first, in legend order. */
export const HOTSPOT_CLASSES: readonly HotspotClassInfo[] = [
  ...HOT_CLASS_CODES.map((code) => ({ code, hot: true, ...HOT_LABELS[code] })),
  ...HOT_CLASS_CODES.map((code) => ({
    code: `cold_${code}` as const,
    hot: false,
    family: HOT_LABELS[code].family,
    zh: COLD_ZH[code],
    en: HOT_LABELS[code].en.replace('hot spot', 'cold spot'),
  })),
];

/** The labels of a stored class code; undefined for NULL (no pattern) or an unknown code. */
export function hotspotClassInfo(code: string | null): HotspotClassInfo | undefined {
  return HOTSPOT_CLASSES.find((c) => c.code === code);
}
