'use client';

import { useEffect, useMemo, useState } from 'react';
import { type CloudWord, wordCloudOption } from '@/lib/charts/word-cloud-option';
import { EChart } from '../charts/echart';
import { ErrorNotice, Loading } from '../states/widget-state';

/**
 * The hot words as a cloud (echarts-wordcloud on the shared ECharts wrapper). The plug-in is imported in the
 * browser only: at import it checks for a canvas and throws without one, which would break server rendering.
 * It registers the `wordCloud` series on the same echarts/core the wrapper uses.
 */
export function WordCloud({
  words,
  label,
  tooltip,
  onWord,
}: {
  words: readonly CloudWord[];
  label: string;
  tooltip: (word: CloudWord) => string;
  onWord: (term: string) => void;
}) {
  const [plugin, setPlugin] = useState<'loading' | 'ready' | Error>('loading');
  useEffect(() => {
    let live = true;
    import('echarts-wordcloud')
      .then(() => live && setPlugin('ready'))
      .catch(
        (error: unknown) => live && setPlugin(error instanceof Error ? error : new Error(String(error))),
      );
    return () => {
      live = false;
    };
  }, []);
  const option = useMemo(() => wordCloudOption(words, { tooltip }), [words, tooltip]);
  if (plugin === 'loading') return <Loading height={320} />;
  if (plugin instanceof Error) return <ErrorNotice error={plugin} height={320} />;
  return <EChart option={option} height={320} label={label} onClick={(click) => onWord(click.name)} />;
}
