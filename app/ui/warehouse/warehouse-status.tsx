import type { ChannelSummaryRow, LoadSummaryRow } from '@/lib/queries/warehouse-summary';

const number = new Intl.NumberFormat('zh-CN');
const STATUS: Record<string, string> = {
  loaded: '已载入',
  skipped_identical: '相同文件，已跳过',
  failed: '载入失败',
};

/** The warehouse at a glance: tickets per channel and the latest loads. */
export function WarehouseStatus({
  channels,
  loads,
}: {
  channels: ChannelSummaryRow[];
  loads: LoadSummaryRow[];
}) {
  const total = channels.reduce((sum, c) => sum + c.tickets, 0);
  return (
    <div>
      <h1>Hotline Atlas · 热线诉求分析</h1>
      <p className="subtitle">
        数据仓库共 {number.format(total)} 件诉求，来自 {channels.length} 个渠道
      </p>
      <h2>各渠道诉求</h2>
      <table>
        <thead>
          <tr>
            <th>渠道</th>
            <th className="num">诉求件数</th>
            <th>最早受理</th>
            <th>最近受理</th>
          </tr>
        </thead>
        <tbody>
          {channels.map((c) => (
            <tr key={c.channel}>
              <td>{c.channel}</td>
              <td className="num">{number.format(c.tickets)}</td>
              <td>{c.firstReceived}</td>
              <td>{c.lastReceived}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>最近载入的文件</h2>
      <table>
        <thead>
          <tr>
            <th>文件</th>
            <th>状态</th>
            <th className="num">读取</th>
            <th className="num">载入</th>
            <th className="num">拒收</th>
          </tr>
        </thead>
        <tbody>
          {loads.map((l) => (
            <tr key={`${l.fileName}-${l.status}-${l.rowsRead}`}>
              <td>{l.fileName}</td>
              <td>{STATUS[l.status] ?? l.status}</td>
              <td className="num">{number.format(l.rowsRead)}</td>
              <td className="num">{number.format(l.rowsLoaded)}</td>
              <td className="num">{number.format(l.rowsRejected)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
