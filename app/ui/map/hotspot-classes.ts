import { type HotClassCode, hotspotClassInfo } from '@/lib/analytics/hotspots/classes';
import type { Text } from '../i18n/lang';

/**
 * How the map draws the emerging-hotspot classes of the `hotspots` step (names from
 * lib/analytics/hotspots/classes.ts): dark reds for the classes that call for action now (new, intensifying,
 * consecutive), reds and oranges for lasting or yearly ones, pale for fading and irregular ones, blues for cold spots.
 */
export interface HotspotClassStyle {
  text: Text;
  colour: string;
  hot: boolean;
}

const HOT_COLOURS: Record<HotClassCode, string> = {
  new: '#67000d',
  intensifying: '#a50f15',
  consecutive: '#cb181d',
  persistent: '#ef3b2c',
  seasonal: '#fb6a4a',
  diminishing: '#fc9272',
  sporadic: '#fdae6b',
  oscillating: '#c994c7',
  historical: '#bdbdbd',
};

const COLD_COLOURS: Partial<Record<HotClassCode, string>> = {
  new: '#08306b',
  intensifying: '#08519c',
  consecutive: '#2171b5',
  persistent: '#4292c6',
  seasonal: '#6baed6',
};

/** The style of a class code; an unknown code is grey under its own name. */
export function hotspotClassStyle(code: string): HotspotClassStyle {
  const info = hotspotClassInfo(code);
  if (!info) return { text: { zh: code, en: code }, colour: '#9ca3af', hot: !code.startsWith('cold') };
  const base = (info.hot ? info.code : info.code.slice(5)) as HotClassCode;
  return {
    text: { zh: info.zh, en: info.en },
    colour: info.hot ? HOT_COLOURS[base] : (COLD_COLOURS[base] ?? '#9ecae1'),
    hot: info.hot,
  };
}

/** Legend order: the order of lib/analytics/hotspots/classes.ts (hot classes first), unknown codes last. */
export function legendOrder(codes: readonly string[]): string[] {
  const rank = (code: string) => {
    const info = hotspotClassInfo(code);
    return info
      ? ['hot', 'cold'].indexOf(info.hot ? 'hot' : 'cold') * 100 +
          Object.keys(HOT_COLOURS).indexOf(info.hot ? info.code : info.code.slice(5))
      : 1000;
  };
  return [...new Set(codes)].sort((a, b) => rank(a) - rank(b));
}
