import { redirect } from 'next/navigation';
import { isBriefingMonth, latestCompleteMonth } from '@/lib/briefing/month';
import { fetchDataSpan } from '@/lib/queries/data-span';

export const dynamic = 'force-dynamic';

/**
 * /briefing opens the latest complete month; /briefing?month=2025-07 (the month picker's form, which works without
 * JavaScript) opens that month. The language parameter is kept.
 */
export default async function BriefingIndex({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const asked = typeof params.month === 'string' && isBriefingMonth(params.month) ? params.month : null;
  const span = await fetchDataSpan();
  const month =
    asked ?? latestCompleteMonth(span) ?? span?.lastDay.slice(0, 7) ?? new Date().toISOString().slice(0, 7);
  const lang = params.lang === 'en' || params.lang === 'zh' ? `?lang=${params.lang}` : '';
  redirect(`/briefing/${month}${lang}`);
}
