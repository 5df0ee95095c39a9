import {
  BigValueColorMode,
  BigValueGraphMode,
  BigValueJustifyMode,
  BigValueTextMode,
  PercentChangeColorMode,
  VizOrientation,
} from '@grafana/schema';
import { z } from 'zod';
import { reduceOptionsSchema } from './reduceOptions';

/** Grafana's stat panel options (its panelcfg) with Grafana's defaults. */
export const statOptionsSchema = z.object({
  reduceOptions: reduceOptionsSchema.prefault({}),
  orientation: z.enum(VizOrientation).default(VizOrientation.Auto),
  textMode: z.enum(BigValueTextMode).default(BigValueTextMode.Auto),
  colorMode: z.enum(BigValueColorMode).default(BigValueColorMode.Value),
  graphMode: z.enum(BigValueGraphMode).default(BigValueGraphMode.Area),
  justifyMode: z.enum(BigValueJustifyMode).default(BigValueJustifyMode.Auto),
  wideLayout: z.boolean().default(true),
  showPercentChange: z.boolean().default(false),
  percentChangeColorMode: z.enum(PercentChangeColorMode).default(PercentChangeColorMode.Standard),
  text: z.object({ titleSize: z.number().optional(), valueSize: z.number().optional() }).optional(),
});
export type StatOptions = z.infer<typeof statOptionsSchema>;
