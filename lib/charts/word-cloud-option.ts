import type { EChartsOption } from 'echarts';

/** One word of the cloud: its size comes from `weight`, its colour from how strongly it rose (`ratio`). */
export interface CloudWord {
  term: string;
  weight: number;
  /** Period share over baseline share; null when there was no baseline. */
  ratio: number | null;
}

/** Deeper red for a stronger rise: ×1.5, ×2, ×4 and more (or new). */
export function riseColour(ratio: number | null): string {
  if (ratio === null || ratio >= 4) return '#b2182b';
  if (ratio >= 2) return '#d6604d';
  if (ratio >= 1.5) return '#f4a582';
  return '#92c5de';
}

/**
 * The echarts-wordcloud option of the hot words: sizes from 16 to 60 px by the square root of the weight (a word
 * twice as frequent is not twice as tall, or the top word would crowd the rest out), no rotation (CJK reads
 * horizontally), and a tooltip the caller words in the user's language.
 */
export function wordCloudOption(
  words: readonly CloudWord[],
  options: { tooltip: (word: CloudWord) => string },
): EChartsOption {
  const byTerm = new Map(words.map((w) => [w.term, w]));
  return {
    tooltip: {
      formatter: (params: unknown) => {
        const word = byTerm.get((params as { name: string }).name);
        return word ? options.tooltip(word) : '';
      },
    },
    series: [
      {
        type: 'wordCloud',
        shape: 'circle',
        left: 'center',
        top: 'center',
        width: '96%',
        height: '96%',
        sizeRange: [16, 60],
        rotationRange: [0, 0],
        gridSize: 6,
        drawOutOfBound: false,
        layoutAnimation: false,
        data: words.map((w) => ({
          name: w.term,
          value: Math.sqrt(w.weight),
          textStyle: { color: riseColour(w.ratio) },
        })),
      },
    ] as unknown as EChartsOption['series'],
  };
}
