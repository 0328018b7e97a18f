import { HotWordsView } from '../../ui/words/hot-words-view';
import { WordsHeading } from '../../ui/words/words-heading';

export const dynamic = 'force-dynamic';

/** The analysts' hot words: what people are talking about more than usual, each word linked to its appeals. */
export default function WordsPage() {
  return (
    <>
      <WordsHeading />
      <HotWordsView />
    </>
  );
}
