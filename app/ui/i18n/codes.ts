import type { Text } from './lang';

/** How stored codes read in the UI: the dictionaries live in lib/i18n so file exports and the briefing share them. */
export { APPEAL_TYPE_TEXT, SATISFACTION_TEXT, STATUS_TEXT } from '@/lib/i18n/codes';

export const UNKNOWN_TEXT = {
  category: { zh: '未分类', en: 'Uncategorised' },
  region: { zh: '未定位', en: 'Not located' },
  appealType: { zh: '未注明类型', en: 'Type not recorded' },
  department: { zh: '未注明部门', en: 'No department' },
} satisfies Record<string, Text>;

/** Text for a code, falling back to the code itself for values no dictionary knows (a new channel's status). */
export function codeText(dictionary: Record<string, Text>, code: string | null, unknown: Text): Text {
  if (code === null) return unknown;
  return dictionary[code] ?? { zh: code, en: code };
}
