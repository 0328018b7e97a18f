/**
 * How stored codes (docs/warehouse.md) read in both languages, for what lib writes itself (file exports, the
 * briefing). The same words as app/ui/i18n/codes.ts, which cannot be imported from lib/; the UI can re-export
 * these so there is one dictionary.
 */
export type Lang = 'zh' | 'en';

export interface Text {
  zh: string;
  en: string;
}

export const APPEAL_TYPE_TEXT: Record<string, Text> = {
  consult: { zh: '咨询', en: 'Enquiry' },
  help: { zh: '求助', en: 'Request for help' },
  complaint: { zh: '投诉', en: 'Complaint' },
  report: { zh: '举报', en: 'Report' },
  suggestion: { zh: '建议', en: 'Suggestion' },
  praise: { zh: '表扬', en: 'Praise' },
  other: { zh: '其他', en: 'Other' },
};

export const STATUS_TEXT: Record<string, Text> = {
  open: { zh: '待办', en: 'Open' },
  in_progress: { zh: '办理中', en: 'In progress' },
  closed: { zh: '已办结', en: 'Closed' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
};

export const SATISFACTION_TEXT: Record<string, Text> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

export const YES_NO_TEXT: Record<'true' | 'false', Text> = {
  true: { zh: '是', en: 'Yes' },
  false: { zh: '否', en: 'No' },
};

/** A code's text; a code no dictionary knows (a new channel's status) reads as itself, null as an empty cell. */
export function codeText(dictionary: Record<string, Text>, code: string | null, lang: Lang): string | null {
  if (code === null) return null;
  return dictionary[code]?.[lang] ?? code;
}
