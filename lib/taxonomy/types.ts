/**
 * One node of the appeal taxonomy. First-level codes are two digits ('03'); second-level codes append two more
 * ('0301'). `departments` lists the usual handling units, lead unit first; `dueDays` is the handling time limit
 * (办理时限) in calendar days counted from receipt.
 */
export interface Category {
  code: string;
  level: 1 | 2;
  parentCode: string | null;
  zh: string;
  en: string;
  /** Other names sources use for the same category (matched by findCategoryByName). */
  aliases: string[];
  departments: string[];
  dueDays: number;
}
