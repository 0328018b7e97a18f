const ETHNIC =
  '(?:汉族|壮族|回族|满族|维吾尔|苗族|彝族|藏族|羌族|土家族|蒙古族|傈僳族|纳西族|布依族|傣族|白族|侗族|瑶族|黎族|哈尼族|朝鲜族|各族)*';
const SUFFIX = new RegExp(`${ETHNIC}(?:自治区|自治州|自治县|街道办事处|街道|地区|省|市|区|县|镇|乡)$`);

/** A region name without its type suffix (四川省 → 四川, 北川羌族自治县 → 北川, 玉和苗族乡 → 玉和); null if < 2 chars remain. */
export function shortRegionName(name: string): string | null {
  const short = name.replace(SUFFIX, '');
  return short !== name && short.length >= 2 ? short : null;
}

/** Other full spellings of a name: a 街道 is also written 街道办事处 (and the reverse). */
export function fullNameVariants(name: string): string[] {
  if (name.endsWith('街道办事处')) return [name.slice(0, -3)];
  if (name.endsWith('街道')) return [`${name}办事处`];
  return [];
}
