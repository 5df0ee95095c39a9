import {
  BarGaugeDisplayMode,
  BarGaugeNamePlacement,
  BarGaugeSizing,
  BarGaugeValueMode,
  VizOrientation,
} from '@grafana/schema';
import { z } from 'zod';
import { reduceOptionsSchema } from './reduceOptions';

/** Grafana's bar gauge options (its panelcfg) with Grafana's defaults. */
export const barGaugeOptionsSchema = z.object({
  reduceOptions: reduceOptionsSchema.prefault({}),
  orientation: z.enum(VizOrientation).default(VizOrientation.Auto),
  displayMode: z.enum(BarGaugeDisplayMode).default(BarGaugeDisplayMode.Gradient),
  valueMode: z.enum(BarGaugeValueMode).default(BarGaugeValueMode.Color),
  namePlacement: z.enum(BarGaugeNamePlacement).default(BarGaugeNamePlacement.Auto),
  showUnfilled: z.boolean().default(true),
  sizing: z.enum(BarGaugeSizing).default(BarGaugeSizing.Auto),
  minVizWidth: z.number().nonnegative().default(8),
  minVizHeight: z.number().nonnegative().default(16),
  maxVizHeight: z.number().nonnegative().default(300),
  text: z.object({ titleSize: z.number().optional(), valueSize: z.number().optional() }).optional(),
});
export type BarGaugeOptions = z.infer<typeof barGaugeOptionsSchema>;

/** Grafana's defaults, which its bar gauge uses for the bar sizes unless sizing is manual. */
export const barGaugeDefaults = barGaugeOptionsSchema.parse({});
