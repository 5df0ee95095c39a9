import { z } from 'zod';

/**
 * Parameters of the model's metric definitions (docs/metrics.md). Their defaults
 * are declared here once; the SQL reads them with getvariable().
 */
export const modelParamsSchema = z.object({
  /** First-contact resolution window after the contact's opening. */
  fcrWindowDays: z.number().int().positive().default(7),
  /** CLV = ARPU * gross margin / monthly churn. */
  grossMargin: z.number().positive().max(1).default(1.0),
  /** Below this many responses a value is marked low-confidence. */
  minN: z.number().int().positive().default(30),
  /** Which version of the SLI mapping (ref_sli_mapping) the model applies. */
  mappingVersion: z.string().min(1).default('2024.1'),
  /** The closed loop: a negative rating's case is due closed this many hours after the rating. */
  followupSlaHours: z.number().int().positive().default(48),
  /** The closed loop: how long after a case closed the customer's next rating counts towards recovery. */
  recoveryWindowDays: z.number().int().positive().default(90),
  /** Where the journey leaks: a customer churned after a rating when they left at most this many days after it. */
  churnWindowDays: z.number().int().positive().default(90),
});

export type ModelParams = z.infer<typeof modelParamsSchema>;
export type ModelParamsInput = z.input<typeof modelParamsSchema>;

export const defaultModelParams: ModelParams = modelParamsSchema.parse({});
