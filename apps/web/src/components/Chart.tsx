// ECharts from echarts/core with only what the pages draw (bar, line, pie), so the chunk stays lean.
// On a phone the option is fitted to the width first (chartFit.ts), so labels do not overlap.
import { useEffect, useMemo, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { fitChart } from './chartFit.ts';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface ChartClick {
  componentType?: string;
  value?: unknown;
  name?: string;
  dataIndex: number;
  seriesIndex?: number;
}

export function Chart({
  option,
  height = 320,
  ariaLabel,
  onClick,
}: {
  option: ChartOption;
  height?: number;
  ariaLabel?: string;
  onClick?: (p: ChartClick) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const [width, setWidth] = useState(0);
  const fitted = useMemo(() => fitChart(option, width, height), [option, width, height]);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    chart.current = c;
    c.on('click', (p) => click.current?.(p as unknown as ChartClick));
    const ro = new ResizeObserver(() => {
      c.resize();
      setWidth(el.current?.clientWidth ?? 0);
    });
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(fitted.option, true);
    chart.current?.resize();
  }, [fitted]);

  return (
    <div
      ref={el}
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height: fitted.height, cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
