import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';

/** Writes rows as CSV (RFC 4180 quoting), in UTF-8 or GBK. */
export function writeCsv(
  filePath: string,
  headers: string[],
  rows: (string | number | null)[][],
  options: { encoding?: 'utf-8' | 'gbk'; newline?: string } = {},
): void {
  const quote = (v: string | number | null) => {
    if (v === null) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const newline = options.newline ?? '\n';
  const text = [headers, ...rows].map((r) => r.map(quote).join(',')).join(newline) + newline;
  writeFileSync(filePath, options.encoding === 'gbk' ? iconv.encode(text, 'gbk') : text);
}

export const WORKORDER_HEADERS = [
  '工单编号',
  '受理时间',
  '诉求渠道',
  '诉求类型',
  '一级分类',
  '二级分类',
  '诉求内容',
  '所属区县',
  '所属街道',
  '区划代码',
  '详细地址',
  '经度',
  '纬度',
  '坐标系',
  '承办单位',
  '派单次数',
  '办理时限',
  '办结时间',
  '办理状态',
  '是否解决',
  '满意度',
  '来电号码',
  '来电人',
];

type Row = Partial<Record<(typeof WORKORDER_HEADERS)[number], string | number | null>>;

/** A 12345 work-order row with sensible defaults; override what a test is about. */
export function workorder(id: string, fields: Row = {}): (string | number | null)[] {
  const base: Row = {
    工单编号: id,
    受理时间: '2024/3/5 8:01',
    诉求渠道: '12345热线',
    诉求类型: '投诉',
    一级分类: '城乡建设',
    二级分类: '道路积水内涝',
    诉求内容: '小区门口道路积水严重，请尽快处理。',
    所属区县: '翠屏区',
    所属街道: '西郊街道',
    区划代码: null,
    详细地址: '翠屏区西郊街道人民路18号锦绣花园3栋2单元501室',
    经度: null,
    纬度: null,
    坐标系: null,
    承办单位: '市住房城乡建设局',
    派单次数: 1,
    办理时限: '2024/3/10 8:01',
    办结时间: '2024/3/7 17:30',
    办理状态: '已办结',
    是否解决: '已解决',
    满意度: '满意',
    来电号码: '13812345678',
    来电人: '张三',
  };
  const row = { ...base, ...fields };
  return WORKORDER_HEADERS.map((h) => row[h] ?? null);
}
