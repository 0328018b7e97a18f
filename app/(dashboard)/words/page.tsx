import { pageViewer } from '@/app/_auth/current-viewer';
import type { Text } from '@/lib/i18n/codes';
import { NotAllowed } from '../../ui/frame/not-allowed';
import { ViewHeading } from '../../ui/frame/view-heading';
import { HotWordsView } from '../../ui/words/hot-words-view';

export const dynamic = 'force-dynamic';

/** What a hot word is, under the view's title. */
const WORDS_INTRO: Text = {
  zh: '本期诉求中占比显著高于基线（此前三个同长时期）的词语：可在某一类别形成高峰之前看到正在上升的问题。地名、地址和客套话已去除；点击词语查看包含它的诉求。',
  en: 'Words whose share of appeals this period is significantly above their baseline (the three periods of the same length before): rising problems before they become a category spike. Place names, addresses and courtesy phrases are left out; click a word for the appeals that contain it.',
};

/** The analysts' hot words: what people are talking about more than usual, each word linked to its appeals. */
export default async function WordsPage() {
  const { refusal } = await pageViewer('/words');
  if (refusal) return <NotAllowed reason={refusal} />;
  return (
    <>
      <ViewHeading title={{ zh: '热词', en: 'Hot words' }} className="trends-heading" intro={WORDS_INTRO} />
      <HotWordsView />
    </>
  );
}
