import {
  ADDRESS_RULES,
  FULL_WIDTH,
  HALF_WIDTH,
  type MaskRule,
  PLACE_KEY_DROPPED,
  TEXT_RULES,
} from './mask-rules';

interface CompiledRule {
  regex: RegExp;
  replacement: string;
  passes: number;
}

function compile(rule: MaskRule, flags: string): CompiledRule {
  const replacement = rule.replacement
    .map((part) => (typeof part === 'number' ? `$${part}` : part.replace(/\$/g, '$$$$')))
    .join('');
  return { regex: new RegExp(rule.pattern, flags), replacement, passes: rule.passes };
}

const TEXT = TEXT_RULES.map((rule) => compile(rule, 'gsu'));
const ADDRESS = ADDRESS_RULES.map((rule) => compile(rule, 'su'));
const DROPPED = new RegExp(PLACE_KEY_DROPPED, 'gu');
const HALF_WIDTH_OF = new Map([...FULL_WIDTH].map((c, i) => [c, HALF_WIDTH[i]!]));

/**
 * Masks phone numbers (Chinese mobile and landline, US), ID-card numbers (18 and 15 digits) and emails inside
 * free text, keeping their shape readable: `138****5678`, `5101**********1234`, `a***@example.com`. Digit runs
 * that are longer or shorter than those forms (ticket ids, timestamps) are left alone. Same output as
 * `maskTextSql` in etl/normalise/privacy-sql.ts.
 */
export function maskPersonalData(text: string): string {
  let out = text;
  for (const rule of TEXT) {
    for (let pass = 0; pass < rule.passes; pass++) out = out.replace(rule.regex, rule.replacement);
  }
  return out;
}

/**
 * Cuts an address below the building (or village group): `…锦绣花园3栋2单元501室` → `…锦绣花园3栋**`,
 * `xx村3组12号` → `xx村3组**`. Same output as `maskAddressSql`.
 */
export function maskAddress(text: string): string {
  for (const rule of ADDRESS) {
    if (rule.regex.test(text)) return text.replace(rule.regex, rule.replacement);
  }
  return text;
}

/**
 * The key under which tickets count as "the same place" for repeat detection: full-width forms made half-width,
 * the address masked, whitespace and punctuation removed, lower case. Same output as `placeKeySql`.
 */
export function placeKey(text: string): string {
  const halfWidth = text.replace(/[\uff01-\uff5e]/g, (c) => HALF_WIDTH_OF.get(c) ?? c);
  return maskAddress(halfWidth).replace(DROPPED, '').toLowerCase();
}
