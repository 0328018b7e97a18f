import type { ScoreComponent } from '@/lib/analytics/recurring/ranker';
import type { WorkflowStatus } from '@/lib/appdb/workflow-schema';
import type { Text } from '../i18n/lang';

export const COMPONENT_TEXT: Record<ScoreComponent, Text> = {
  volume: { zh: '诉求量', en: 'Volume' },
  persistence: { zh: '持续性', en: 'Persistence' },
  growth: { zh: '增长', en: 'Growth' },
  repeat: { zh: '重复诉求', en: 'Repeats' },
  unresolved: { zh: '未解决', en: 'Unresolved' },
  unsatisfied: { zh: '不满意', en: 'Dissatisfied' },
  spread: { zh: '涉及面', en: 'Spread' },
};

export const STATUS_TEXT: Record<WorkflowStatus, Text> = {
  proposed: { zh: '已提议', en: 'Proposed' },
  adopted: { zh: '已采纳', en: 'Adopted' },
  done: { zh: '已完成', en: 'Done' },
  dropped: { zh: '已放弃', en: 'Dropped' },
};
