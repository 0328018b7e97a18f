import { WarehouseMissingError } from '@/lib/db/read-only-warehouse';
import { fetchChannelSummary, fetchLoadSummary } from '@/lib/queries/warehouse-summary';
import { WarehouseStatus } from './ui/warehouse/warehouse-status';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  try {
    const [channels, loads] = await Promise.all([fetchChannelSummary(), fetchLoadSummary()]);
    return <WarehouseStatus channels={channels} loads={loads} />;
  } catch (error) {
    if (error instanceof WarehouseMissingError) {
      return (
        <main>
          <h1>Hotline Atlas · 热线诉求分析</h1>
          <p className="notice">
            尚未建立数据仓库。运行 <code>npm run etl -- demo</code> 载入示例城市，或{' '}
            <code>npm run etl -- load &lt;文件或目录&gt;</code> 载入您的导出文件。
          </p>
        </main>
      );
    }
    throw error;
  }
}
