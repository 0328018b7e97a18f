import {
  ADDRESS_RULES,
  FULL_WIDTH,
  FULL_WIDTH_RANGE,
  HALF_WIDTH,
  type MaskRule,
  PLACE_KEY_DROPPED,
  TEXT_RULES,
  TEXT_RULES_PREFILTER,
} from '@/lib/privacy/mask-rules';
import { sqlString } from '../../lib/sql/quote';

function rewriteSql(rule: MaskRule): string {
  return sqlString(
    rule.replacement
      .map((part) => (typeof part === 'number' ? `\\${part}` : part.replace(/\\/g, '\\\\')))
      .join(''),
  );
}

/**
 * SQL twin of `maskPersonalData` (lib/privacy/mask.ts): same rules, same output, NULL stays NULL. Like every
 * builder here it repeats `expr` in its output, so pass a column reference rather than a costly expression.
 */
export function maskTextSql(expr: string): string {
  let out = expr;
  for (const rule of TEXT_RULES) {
    for (let pass = 0; pass < rule.passes; pass++) {
      out = `regexp_replace(${out}, ${sqlString(`(?s)${rule.pattern}`)}, ${rewriteSql(rule)}, 'g')`;
    }
  }
  return `CASE WHEN regexp_matches(${expr}, ${sqlString(TEXT_RULES_PREFILTER)}) THEN ${out} ELSE ${expr} END`;
}

/**
 * SQL twin of `maskAddress`: the first address rule that matches cuts the address below the building. Phone
 * numbers written into an address are not its business: wrap in `maskTextSql` for those.
 */
export function maskAddressSql(expr: string): string {
  const whens = ADDRESS_RULES.map((rule) => {
    const pattern = sqlString(`(?s)${rule.pattern}`);
    return `WHEN regexp_matches(${expr}, ${pattern}) THEN regexp_replace(${expr}, ${pattern}, ${rewriteSql(rule)})`;
  }).join(' ');
  return `CASE ${whens} ELSE ${expr} END`;
}

/**
 * SQL twin of `placeKey`: the normalised address under which tickets count as the same place. `masked`, when
 * given, is SQL for `maskAddressSql(expr)` computed already: an address without full-width characters is masked
 * the same way before and after the half-width step, so the mask is not run twice.
 */
export function placeKeySql(expr: string, masked?: string): string {
  const translated = `translate(${expr}, ${sqlString(FULL_WIDTH)}, ${sqlString(HALF_WIDTH)})`;
  const fullWidth = `regexp_matches(${expr}, ${sqlString(`[${FULL_WIDTH_RANGE}]`)})`;
  const halfWidthMasked = masked
    ? `CASE WHEN ${fullWidth} THEN ${maskAddressSql(translated)} ELSE ${masked} END`
    : maskAddressSql(`CASE WHEN ${fullWidth} THEN ${translated} ELSE ${expr} END`);
  return `lower(regexp_replace(${halfWidthMasked}, ${sqlString(PLACE_KEY_DROPPED)}, '', 'g'))`;
}
