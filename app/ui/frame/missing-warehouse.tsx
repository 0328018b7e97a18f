'use client';

import { useText } from '../i18n/preferences';

/** Shown instead of the dashboard until a warehouse exists: says how to build one. */
export function MissingWarehouse() {
  const { t } = useText();
  return (
    <main className="view">
      <h1>{t({ zh: 'Hotline Atlas · 热线诉求分析', en: 'Hotline Atlas' })}</h1>
      <p className="notice">
        {t({ zh: '尚未建立数据仓库。运行 ', en: 'There is no warehouse yet. Run ' })}
        <code>npm run etl -- demo</code>
        {t({ zh: ' 载入示例城市，或 ', en: ' to load the sample city, or ' })}
        <code>npm run etl -- load &lt;file|dir&gt;</code>
        {t({ zh: ' 载入您的导出文件。', en: ' to load your own exports.' })}
      </p>
    </main>
  );
}
