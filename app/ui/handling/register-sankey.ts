import { SankeyChart } from 'echarts/charts';
import * as echarts from 'echarts/core';

// The shared wrapper (app/ui/charts/echart.tsx) registers the chart types the other views use; the handling view
// adds the Sankey to the same echarts/core registry, so only pages that show one load it.
echarts.use([SankeyChart]);
