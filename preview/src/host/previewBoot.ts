import { z } from 'zod';
import { dashboardSchema } from './dashboardModel';

/** What the preview server writes into the page: as Grafana's boot data, nothing secret. */
export const previewBootSchema = z.object({
  /** What the page shows: the dashboard, or Explore (the dashboard then only gives the links on top). */
  page: z.enum(['dashboard', 'explore']).default('dashboard'),
  datasource: z.object({
    uid: z.string(),
    name: z.string(),
    type: z.string(),
    /** Where the data proxy answers for this datasource. */
    url: z.string(),
    jsonData: z.record(z.string(), z.unknown()),
    module: z.string(),
  }),
  panels: z.record(z.string(), z.object({ module: z.string() })),
  dashboard: dashboardSchema,
  dashboards: z.array(z.object({ uid: z.string(), title: z.string() })),
});
export type PreviewBoot = z.output<typeof previewBootSchema>;

/** The global the server's page sets before the host bundle runs. */
export const PREVIEW_BOOT_GLOBAL = 'touchpointPreview';
