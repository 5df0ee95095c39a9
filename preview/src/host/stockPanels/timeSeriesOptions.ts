import { LegendDisplayMode, SortOrder, TooltipDisplayMode } from '@grafana/schema';
import { z } from 'zod';

/** Grafana's time series panel options (legend and tooltip) with Grafana's defaults. */
export const timeSeriesOptionsSchema = z.object({
  legend: z
    .object({
      showLegend: z.boolean().default(true),
      displayMode: z.enum(LegendDisplayMode).default(LegendDisplayMode.List),
      placement: z.enum(['bottom', 'right']).default('bottom'),
      calcs: z.array(z.string()).default([]),
      width: z.number().positive().optional(),
    })
    .prefault({}),
  tooltip: z
    .object({
      mode: z.enum(TooltipDisplayMode).default(TooltipDisplayMode.Single),
      sort: z.enum(SortOrder).default(SortOrder.None),
    })
    .prefault({}),
});
export type TimeSeriesOptions = z.infer<typeof timeSeriesOptionsSchema>;
