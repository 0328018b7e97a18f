import gcoord from 'gcoord';
import type { SampleTicket } from '../model';
import { coord, hotlineTime, isoTime, webTime } from './format';

/** Hotline work-order headers (12345热线工单), in export order. */
export const HOTLINE_HEADERS = [
  '工单编号',
  '受理时间',
  '诉求渠道',
  '诉求类型',
  '一级分类',
  '二级分类',
  '诉求标题',
  '诉求内容',
  '所属区县',
  '所属街道',
  '详细地址',
  '经度',
  '纬度',
  '坐标系',
  '承办单位',
  '协办单位',
  '派单次数',
  '是否退单',
  '是否督办',
  '派单时间',
  '首次响应时间',
  '办理时限',
  '办结时间',
  '办理状态',
  '是否解决',
  '满意度',
  '答复内容',
  '来电号码',
  '来电人',
] as const;

/** Web 问政 message headers (网络问政留言), in export order. */
export const WEB_HEADERS = [
  '留言编号',
  '留言用户',
  '留言主题',
  '留言时间',
  '留言详情',
  '一级分类',
  '二级分类',
  '所属区县',
  '所属街道',
  '联系电话',
  '答复意见',
  '答复时间',
  '办理单位',
  '办理状态',
  '满意度',
] as const;

/** One hotline row's values. */
export type RowValues = (string | number)[];

const STATUS_ZH = { closed: '已办结', in_progress: '办理中', pending: '待派单' } as const;
const WEB_STATUS_ZH = { closed: '已办结', in_progress: '办理中', pending: '待受理' } as const;
const yesNo = (b: boolean) => (b ? '是' : '否');
const resolvedZh = (r: boolean | null) => (r === null ? '' : r ? '已解决' : '未解决');

/** The parent (first-level) name of the ticket's category. */
function parentZh(t: SampleTicket, all: ReadonlyMap<string, string>): string {
  return all.get(t.category.parentCode ?? '') ?? '';
}

/** WGS-84 truth → the datum a row writes. */
export function toDatum(point: [number, number], system: 'WGS84' | 'GCJ02'): [number, number] {
  if (system === 'WGS84') return point;
  return gcoord.transform(point, gcoord.WGS84, gcoord.GCJ02) as [number, number];
}

/** The hotline row of a ticket (coordinates blank when the ticket has none). */
export function hotlineRow(t: SampleTicket, l1Names: ReadonlyMap<string, string>): RowValues {
  const pending = t.status === 'pending';
  const p = t.point ? toDatum(t.point, t.coordSystem) : null;
  return [
    t.sourceId,
    hotlineTime(t.received),
    '12345热线',
    t.appealType,
    parentZh(t, l1Names),
    t.category.zh,
    t.title,
    t.content,
    t.districtName,
    t.townName,
    t.address,
    p ? coord(p[0]) : '',
    p ? coord(p[1]) : '',
    p ? t.coordSystem : '',
    pending ? '' : t.department,
    pending ? '' : t.coDepartments.join('、'),
    pending ? 0 : t.dispatchCount,
    yesNo(!pending && t.returned),
    yesNo(!pending && t.escalated),
    hotlineTime(t.dispatched),
    hotlineTime(t.firstResponse),
    hotlineTime(t.due),
    hotlineTime(t.closed),
    STATUS_ZH[t.status],
    resolvedZh(t.resolved),
    t.satisfaction ?? '',
    t.reply,
    t.phone,
    t.callerName,
  ];
}

/** The web message row of a ticket. */
export function webRow(t: SampleTicket, l1Names: ReadonlyMap<string, string>): RowValues {
  return [
    t.sourceId,
    t.nickname,
    t.title,
    webTime(t.received),
    t.content,
    t.categoryShown ? parentZh(t, l1Names) : '',
    t.categoryShown ? t.category.zh : '',
    t.districtName,
    t.townName,
    t.phone,
    t.reply,
    webTime(t.closed),
    t.status === 'pending' ? '' : t.department,
    WEB_STATUS_ZH[t.status],
    t.satisfaction ?? '',
  ];
}

/** An Open311 GeoReport v2 service request with this project's extension fields. */
export interface AppRecord {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string | null;
  requested_datetime: string | null;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string;
  lat: number | null;
  long: number | null;
  coordinate_system: 'GCJ02';
  phone: string;
  district: string;
  satisfaction: string | null;
}

/** The app record of a ticket; coordinates are GCJ-02 as Chinese map SDKs report them. */
export function appRecord(t: SampleTicket): AppRecord {
  const p = t.point ? toDatum(t.point, 'GCJ02') : null;
  return {
    service_request_id: t.sourceId,
    status: t.status === 'closed' ? 'closed' : 'open',
    status_notes: t.reply || null,
    service_name: t.category.zh,
    service_code: t.category.code,
    description: t.content,
    agency_responsible: t.status === 'pending' ? null : t.department,
    requested_datetime: isoTime(t.received),
    updated_datetime: isoTime(t.closed ?? t.firstResponse ?? t.dispatched ?? t.received),
    expected_datetime: isoTime(t.due),
    address: t.address,
    lat: p ? coord(p[1]) : null,
    long: p ? coord(p[0]) : null,
    coordinate_system: 'GCJ02',
    phone: t.phone,
    district: t.districtName,
    satisfaction: t.satisfaction,
  };
}
