'use client';

import type { EChartsOption, EChartsType } from 'echarts';
import { BarChart, LineChart, PieChart, SunburstChart, TreemapChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { usePreferences } from '../i18n/preferences';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  SunburstChart,
  TreemapChart,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  SVGRenderer,
]);

/** What a click on a chart element reports: the element's name and the data item the option gave it. */
export interface ChartClick {
  name: string;
  seriesName?: string;
  /** The element's position in its series' data. */
  dataIndex: number;
  data: unknown;
}

/**
 * The one ECharts wrapper: owns init, the theme font, setOption, resize and dispose. Charts elsewhere only build
 * an option object (pure functions in lib/charts). SVG rendering keeps text crisp in screenshots and print.
 */
export function EChart({
  option,
  height = 280,
  onClick,
  label,
}: {
  option: EChartsOption;
  height?: number;
  onClick?: (click: ChartClick) => void;
  /** What the chart shows, for screen readers. */
  label: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;
  const { largeText } = usePreferences();

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'svg' }) as unknown as EChartsType;
    chart.current = instance;
    instance.on('click', (params) => {
      const p = params as { name: string; seriesName?: string; dataIndex: number; data: unknown };
      clickHandler.current?.({
        name: p.name,
        seriesName: p.seriesName,
        dataIndex: p.dataIndex,
        data: p.data,
      });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        textStyle: {
          fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
          fontSize: largeText ? 16 : 12,
        },
        animationDuration: 300,
        ...option,
      },
      { notMerge: true },
    );
  }, [option, largeText]);

  return (
    <div
      ref={element}
      className="echart"
      style={{
        height: largeText ? Math.round(height * 1.2) : height,
        cursor: onClick ? 'pointer' : undefined,
      }}
      role="img"
      aria-label={label}
    />
  );
}
