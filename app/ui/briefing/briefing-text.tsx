import type { Segment, Sentence } from '@/lib/briefing/text/segments';
import type { Lang } from '@/lib/i18n/codes';

/**
 * One generated sentence; figures are marked so a test (or a reader's stylesheet) can find every number. A withheld
 * count ("<3") has no value, so none is written into the page either.
 */
function SegmentView({ segment }: { segment: Segment }) {
  if (typeof segment === 'string') return segment;
  if (segment.kind === 'figure')
    return (
      <span className="figure" data-figure={segment.id} data-value={segment.value ?? undefined}>
        {segment.text}
      </span>
    );
  return segment.text;
}

/** A paragraph of generated sentences. */
export function GeneratedParagraph({ sentences, lang }: { sentences: Sentence[]; lang: Lang }) {
  return (
    <p className="generated" lang={lang === 'en' ? 'en' : 'zh-CN'}>
      {sentences.map((sentence, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: sentences are fixed once generated and never reordered.
        <span key={i} className="sentence">
          {i > 0 && lang === 'en' ? ' ' : ''}
          {sentence.map((segment, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above.
            <SegmentView key={j} segment={segment} />
          ))}
        </span>
      ))}
    </p>
  );
}
