// Charts on a phone (390 px): a bar chart over many names turns on its side, names down the left
// (one per row, cut with … when long) instead of rotated labels running into each other; other
// category axes drop the labels that would overlap. Wide screens get the option unchanged.
import type { ChartOption } from './Chart.tsx';

/** Below this width (antd's `sm`) the chart is fitted. */
export const NARROW_CHART = 576;
const ROW_HEIGHT = 28;

type Axis = { type?: string; data?: unknown[]; axisLabel?: Record<string, unknown>; [k: string]: unknown };
type Series = { type?: string; label?: Record<string, unknown>; [k: string]: unknown };

const single = <T>(v: T | T[] | undefined): T | undefined => (Array.isArray(v) ? (v.length === 1 ? v[0] : undefined) : v);

/** The option to draw at `width`, and the height it needs (bars on their side need a row each). */
export function fitChart(option: ChartOption, width: number, height: number): { option: ChartOption; height: number } {
  if (width <= 0 || width >= NARROW_CHART) return { option, height };
  const x = single(option.xAxis as Axis | Axis[] | undefined);
  const y = single(option.yAxis as Axis | Axis[] | undefined);
  const series = ([] as Series[]).concat((option.series as Series | Series[] | undefined) ?? []);
  const names = x?.type === 'category' && Array.isArray(x.data) ? x.data : null;
  if (!names || !x) return { option, height };
  const bars = y?.type === 'value' && series.length > 0 && series.every((s) => s.type === 'bar');
  if (bars && names.length > 3) {
    const sideways = {
      ...option,
      // room above the bars for a legend (drawn at the top), if there is one
      grid: { left: 8, right: 40, top: option.legend ? 32 : 8, bottom: 8, containLabel: true },
      xAxis: { ...y, axisLabel: { ...y.axisLabel, hideOverlap: true } },
      // Top to bottom in the order given, as a list reads.
      yAxis: {
        ...x,
        inverse: true,
        axisLabel: { ...x.axisLabel, rotate: 0, interval: 0, width: Math.round(width * 0.3), overflow: 'truncate' },
      },
      series: series.map((s) => (s.label ? { ...s, label: { ...s.label, position: 'right' } } : s)),
    } as ChartOption;
    return { option: sideways, height: Math.max(height * 0.6, names.length * ROW_HEIGHT + 40) };
  }
  return {
    option: { ...option, xAxis: { ...x, axisLabel: { ...x.axisLabel, interval: 'auto', rotate: 0, hideOverlap: true } } } as ChartOption,
    height,
  };
}
