'use client';

import { useMemo } from 'react';
import { HIGH_MONTH_INDEX, seasonalProfileOption } from '@/lib/charts/forecast-option';
import type { SeasonalProfileMonth } from '@/lib/queries/forecast-view';
import { EChart } from '../charts/echart';
import { useText } from '../i18n/preferences';
import { formatRatio, monthLabel } from './forecast-text';

/** Which months are high: each month's average appeals against the average month, with the high ones named. */
export function SeasonalProfile({ months }: { months: readonly SeasonalProfileMonth[] }) {
  const { t, lang } = useText();
  const option = useMemo(
    () =>
      seasonalProfileOption(months, {
        month: (m) => monthLabel(m, lang),
        index: (v) =>
          t({
            zh: `平常月份的 ${formatRatio(v, lang, 1)} 倍`,
            en: `${formatRatio(v, lang, 1)}× the average month`,
          }),
      }),
    [months, lang, t],
  );
  const high = months.filter((m) => m.index >= HIGH_MONTH_INDEX).map((m) => monthLabel(m.month, lang));
  return (
    <div data-testid="seasonal-profile">
      <p data-testid="high-months">
        {high.length > 0
          ? t({
              zh: `高发月份：${high.join('、')}（比平常月份高 20% 以上）`,
              en: `High months: ${high.join(', ')} (20% or more above the average month)`,
            })
          : t({ zh: '没有明显的高发月份。', en: 'No month stands out.' })}
      </p>
      <EChart
        option={option}
        height={200}
        label={t({
          zh: '各月诉求量相对平常月份的倍数',
          en: "Each month's appeals relative to the average month",
        })}
      />
    </div>
  );
}
