// The only ECharts pieces the app uses: registering just these keeps the
// bundle far smaller than echarts.min.js. Add a chart type or component here
// before a chart builder starts using it, or ECharts silently drops it.
import { getInstanceByDom, init, use } from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendPlainComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  GridComponent,
  LegendPlainComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
  SVGRenderer,
]);

// The global `echarts` carries only the two functions src/echarts.rs and the
// tests call; exporting all of echarts/core would keep its unused helpers
// (graphic, format, time, registerMap…) in the bundle.
export { getInstanceByDom, init };
