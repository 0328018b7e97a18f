import type { Text } from './lang';

/** How stored codes (docs/warehouse.md) read in the UI. */
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
