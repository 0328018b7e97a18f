import { pageViewer } from '@/app/_auth/current-viewer';
import { NotAllowed } from '../../ui/frame/not-allowed';
import { HotWordsView } from '../../ui/words/hot-words-view';
import { WordsHeading } from '../../ui/words/words-heading';

export const dynamic = 'force-dynamic';

/** The analysts' hot words: what people are talking about more than usual, each word linked to its appeals. */
export default async function WordsPage() {
  const { refusal } = await pageViewer('/words');
  if (refusal) return <NotAllowed reason={refusal} />;
  return (
    <>
      <WordsHeading />
      <HotWordsView />
    </>
  );
}
