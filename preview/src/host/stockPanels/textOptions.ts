import { z } from 'zod';

/** Grafana's text panel options with Grafana's defaults (its panelcfg). */
export const textOptionsSchema = z.object({
  mode: z.enum(['markdown', 'html', 'code']).default('markdown'),
  content: z
    .string()
    .default('# Title\n\nFor markdown syntax help: [commonmark.org/help](https://commonmark.org/help/)'),
  code: z
    .object({
      language: z.string().default('plaintext'),
      showLineNumbers: z.boolean().default(false),
      showMiniMap: z.boolean().default(false),
    })
    .prefault({}),
});
export type TextOptions = z.infer<typeof textOptionsSchema>;
