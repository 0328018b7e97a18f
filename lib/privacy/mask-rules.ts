/**
 * The masking rules, written once and run by two engines: JavaScript (lib/privacy/mask.ts) and DuckDB's RE2
 * (etl/normalise/privacy-sql.ts). Patterns therefore use only the syntax both share: no lookaround, no inline
 * flags (each engine adds "dot matches newline" its own way), no escapes one of them lacks. A replacement is a
 * list of capture-group numbers and literal text.
 *
 * RE2 has no lookbehind or lookahead, so "not part of a longer digit run" is `(^|\D)` before and `(\D|$)` after,
 * both captured and written back. The trailing boundary is consumed, so of two numbers separated by one character
 * only the first matches; every digit rule is therefore applied twice (`passes: 2`), which is enough because the
 * first pass leaves at most every other number of such a chain.
 */
export interface MaskRule {
  name: string;
  pattern: string;
  replacement: readonly (number | string)[];
  passes: 1 | 2;
}

const BEFORE = '(^|\\D)';
const AFTER = '(\\D|$)';
const BIRTH_DAY = '(?:0[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0[1-9]|1[0-2])';

/** Rules for personal data inside free text, in the order they run. Emails go first: `13812345678@qq.com`. */
export const TEXT_RULES: readonly MaskRule[] = [
  {
    name: 'email',
    pattern: '([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})',
    replacement: [1, '***@', 2],
    passes: 1,
  },
  {
    name: 'id_card_18',
    pattern: `${BEFORE}([1-8]\\d{3})\\d{2}(?:19|20)\\d{2}${MONTH}${BIRTH_DAY}(\\d{3}[\\dXx])${AFTER}`,
    replacement: [1, 2, '**********', 3, 4],
    passes: 2,
  },
  {
    name: 'id_card_15',
    pattern: `${BEFORE}([1-8]\\d{3})\\d{4}${MONTH}[0-3](\\d{4})${AFTER}`,
    replacement: [1, 2, '*******', 3, 4],
    passes: 2,
  },
  {
    name: 'cn_mobile',
    pattern: `${BEFORE}((?:\\+?86[ -]?)?1[3-9]\\d)[ -]?\\d{4}[ -]?(\\d{4})${AFTER}`,
    replacement: [1, 2, '****', 3, 4],
    passes: 2,
  },
  {
    name: 'cn_landline',
    pattern: `${BEFORE}(\\(?0\\d{2,3}\\)?[ -]?)\\d{3,4}(\\d{4})${AFTER}`,
    replacement: [1, 2, '****', 3, 4],
    passes: 2,
  },
  {
    name: 'us_phone',
    pattern: `${BEFORE}(\\(\\d{3}\\) ?|\\d{3}[-.])\\d{3}([-.])(\\d{4})${AFTER}`,
    replacement: [1, 2, '***', 3, 4, 5],
    passes: 2,
  },
];

/**
 * A cheap test that lets text with nothing to mask skip the rules: every rule above needs an `@` or a digit
 * followed by six digits, spaces, dashes, dots or parentheses.
 */
export const TEXT_RULES_PREFILTER = '@|[0-9][0-9 ().-]{6}';

const NUMERAL = '[0-9０-９A-Za-zＡ-Ｚａ-ｚ一二三四五六七八九十百]+';

/**
 * Address rules: the first that matches cuts the address after the building (or village group) and writes `**`
 * for the rest, so the key stays useful for place statistics without pointing at a home. An address that ends at
 * the building is left as it is. Patterns are unanchored at the start (leftmost match, no `^(.*?)` prefix
 * capture), which lets RE2 find them with its fast automaton.
 */
export const ADDRESS_RULES: readonly MaskRule[] = [
  { name: 'building', pattern: `(${NUMERAL}(?:号楼|栋|幢|座|#楼|#)).+$`, replacement: [1, '**'], passes: 1 },
  {
    name: 'building_unit_room',
    pattern: '([^0-9][0-9]+)-[0-9]+-[0-9]+.*$',
    replacement: [1, '-**'],
    passes: 1,
  },
  {
    name: 'village_group',
    pattern: '([0-9０-９一二三四五六七八九十]+(?:组|队|社))[^区].*$',
    replacement: [1, '**'],
    passes: 1,
  },
  { name: 'village_house', pattern: '(村)[0-9０-９]+号.*$', replacement: [1, '**'], passes: 1 },
  { name: 'unit_room_floor', pattern: `${NUMERAL}(?:单元|室|层|楼|户).*$`, replacement: ['**'], passes: 1 },
];

/** Full-width ASCII forms (！ to ～) and their half-width twins, for place keys. */
export const FULL_WIDTH_RANGE = '\uff01-\uff5e';
export const FULL_WIDTH = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0xff01 + i)).join('');
export const HALF_WIDTH = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i)).join('');

/** What a place key drops: whitespace, separators, punctuation and symbols (needs Unicode property support). */
export const PLACE_KEY_DROPPED = '[\\t\\n\\v\\f\\r\\p{Z}\\p{P}\\p{S}]';
