import path from 'node:path';
import { WORKORDER_HEADERS, workorder, writeCsv } from './fixtures';

/**
 * Work orders (July 2025) whose text a spreadsheet could misread: formulas, quotes, commas, line breaks, a long
 * message; and the timing defects the ticket flags list: closed before received, closed within minutes.
 */
export const HOSTILE_TICKETS = {
  formula: { id: 'HX001', content: '=HYPERLINK("http://evil.example/x","点击查看")' },
  plus: { id: 'HX002', content: '+1，小区 "东门" 路灯不亮,\r\n第二行说明' },
  minus: { id: 'HX003', content: '-5 度还停电，请供电公司处理' },
  at: { id: 'HX004', content: `@路灯长期不亮。${'晚上出行很不安全，请尽快维修。'.repeat(30)}` },
  closedBeforeReceived: { id: 'HX005', received: '2025/7/10 9:00', closed: '2025/7/10 8:00' },
  closedInMinutes: { id: 'HX006', received: '2025/7/11 9:00', closed: '2025/7/11 9:05' },
} as const;

/** Writes the hostile work orders as a CSV in `dir` and returns its path. */
export function writeHostileTickets(dir: string): string {
  const file = path.join(dir, 'hostile-workorders.csv');
  const h = HOSTILE_TICKETS;
  writeCsv(file, WORKORDER_HEADERS, [
    ...[h.formula, h.plus, h.minus, h.at].map((t, i) =>
      workorder(t.id, {
        受理时间: `2025/7/${20 + i} 10:00`,
        办理时限: `2025/7/${25 + i} 10:00`,
        办结时间: `2025/7/${21 + i} 10:00`,
        诉求内容: t.content,
        来电号码: `1390000000${i}`,
      }),
    ),
    ...[h.closedBeforeReceived, h.closedInMinutes].map((t, i) =>
      workorder(t.id, {
        受理时间: t.received,
        办理时限: '2025/7/20 9:00',
        办结时间: t.closed,
        来电号码: `1390000001${i}`,
      }),
    ),
  ]);
  return file;
}
