import { TableCellHeight } from '@grafana/schema';
import { z } from 'zod';

/** Grafana's table panel options (its panelcfg) with Grafana's defaults. */
export const tableOptionsSchema = z.object({
  showHeader: z.boolean().default(true),
  showTypeIcons: z.boolean().default(false),
  cellHeight: z.enum(TableCellHeight).default(TableCellHeight.Sm),
  frameIndex: z.number().int().nonnegative().default(0),
  sortBy: z.array(z.object({ displayName: z.string(), desc: z.boolean().optional() })).default([]),
  enablePagination: z.boolean().default(false),
  maxRowHeight: z.number().positive().optional(),
  frozenColumns: z.object({ left: z.number().int().nonnegative().optional() }).optional(),
});
export type TableOptions = z.infer<typeof tableOptionsSchema>;
