import { legendRows } from './legendRows';
import type { TrendType } from './trendType';

export interface TrendLayout {
  /** Per chart: the legend's height and the SVG's height below the chart title. */
  charts: Array<{ legendHeight: number; plotHeight: number }>;
  /** The charts do not fit at a readable size: the view scrolls rather than squash them. */
  overflows: boolean;
}

/**
 * Heights of the stacked charts: each gets an equal share of the panel
 * after its title line and its legend, but never less than a readable plot.
 */
export const trendLayout = ({
  width,
  height,
  type,
  legends,
}: {
  width: number;
  height: number;
  type: TrendType;
  legends: string[][];
}): TrendLayout => {
  const { fontSize, lineHeight } = type;
  const minPlot = Math.max(60, fontSize * 5);
  const share = Math.floor(height / Math.max(1, legends.length));
  const charts = legends.map((texts) => {
    const legendHeight = legendRows(texts, width, fontSize) * lineHeight;
    return { legendHeight, plotHeight: Math.max(minPlot, share - lineHeight - legendHeight) };
  });
  const total = charts.reduce((sum, chart) => sum + lineHeight + chart.legendHeight + chart.plotHeight, 0);
  return { charts, overflows: total > height };
};
