import type { Position } from '../../lib/geo/geojson';
import type { Category } from '../../lib/taxonomy';

/** The three intake channels the sample writes, each to its own export layout. */
export type SampleChannel = 'hotline' | 'web' | 'app';

/** Appeal types (诉求类型) as 12345 systems write them. */
export type AppealType = '咨询' | '求助' | '投诉' | '举报' | '建议' | '表扬';

/** Handling state at export time. */
export type SampleStatus = 'closed' | 'in_progress' | 'pending';

/** Caller rating; null = not rated. */
export type Satisfaction = '满意' | '基本满意' | '不满意' | null;

/**
 * One generated appeal: the ground truth from which the channel writers derive their rows. Times are wall-clock
 * milliseconds in Asia/Shanghai encoded as UTC (format them with getUTC*); `point` is the WGS-84 truth.
 */
export interface SampleTicket {
  channel: SampleChannel;
  /** Assigned when the day is written: 工单编号 / 留言编号 / service_request_id. */
  sourceId: string;
  received: number;
  appealType: AppealType;
  category: Category;
  /** False when the channel leaves the category blank (web messages that were never classified). */
  categoryShown: boolean;
  title: string;
  content: string;
  districtCode: string;
  districtName: string;
  townCode: string;
  townName: string;
  address: string;
  point: Position | null;
  /** Datum the hotline row writes its coordinates in (app rows are always GCJ-02). */
  coordSystem: 'WGS84' | 'GCJ02';
  department: string;
  coDepartments: string[];
  dispatchCount: number;
  returned: boolean;
  escalated: boolean;
  dispatched: number | null;
  firstResponse: number | null;
  due: number;
  closed: number | null;
  status: SampleStatus;
  resolved: boolean | null;
  satisfaction: Satisfaction;
  reply: string;
  phone: string;
  callerName: string;
  nickname: string;
  /** Set on planted tickets (which signal placed it); background tickets leave it undefined. */
  planted?: string;
  /** A deliberate defect the writer applies to this ticket's row (see defects.ts). */
  defect?: DefectKind;
  /** Personal data planted in the free text (see pii.ts). */
  pii?: { phone: boolean; idNumber: boolean };
}

/** The deliberate defects the writers plant; each is listed with its file and row in ground truth. */
export type DefectKind = 'bad_date' | 'unknown_region' | 'out_of_area' | 'duplicate_row';
