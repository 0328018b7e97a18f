const FULL_WIDTH = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, i) =>
  String.fromCharCode(0xff01 + i),
).join('');
const HALF_WIDTH = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join('');

/**
 * The key region names are matched on: full-width ASCII (ＡＢＣ１２３（）) turned half-width, every space removed
 * (ASCII, ideographic U+3000, no-break U+00A0), lower-cased. `regionNameKeySql` is the same in SQL; keep both in step.
 */
export function regionNameKey(name: string): string {
  return name
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00a0]/g, '')
    .toLowerCase();
}

/** SQL for regionNameKey of the VARCHAR expression `expr` (SQL text from the caller, never user input). */
export function regionNameKeySql(expr: string): string {
  return `lower(regexp_replace(translate((${expr}), '${FULL_WIDTH}\u3000\u00a0', '${HALF_WIDTH.replace(/'/g, "''")}  '), '\\s', '', 'g'))`;
}
