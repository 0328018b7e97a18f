import type { EChartsOption } from 'echarts';
import { SERIES_COLOURS } from './palette';

/** One ring segment: a channel's appeals. */
export interface ChannelSlice {
  channel: string;
  tickets: number;
}

/** The channel mix as a ring; clicking a segment filters to the channel. */
export function channelMixOption(
  slices: ChannelSlice[],
  labels: { tooltip: (name: string, tickets: number, share: number) => string },
): EChartsOption {
  const total = slices.reduce((sum, s) => sum + s.tickets, 0);
  return {
    color: SERIES_COLOURS,
    tooltip: {
      formatter: (info: unknown) => {
        const { name, value } = info as { name: string; value: number };
        return labels.tooltip(name, value, total > 0 ? value / total : 0);
      },
    },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['38%', '60%'],
        center: ['50%', '45%'],
        data: slices.map((s) => ({ name: s.channel, value: s.tickets })),
        // Percentages only beside the ring: the legend names the channels, and long names would be cut.
        label: { formatter: '{d}%' },
      },
    ],
  };
}
