import { z } from 'zod';

const frameSchema = z.object({
  schema: z.object({ fields: z.array(z.object({ name: z.string() })) }),
  data: z.object({ values: z.array(z.array(z.unknown())) }),
});
const answerSchema = z.object({
  results: z.record(
    z.string(),
    z.object({ frames: z.array(frameSchema), error: z.object({ message: z.string() }).optional() })
  ),
});

/** One query straight to the service, as an analyst would send it: its first frame as rows by field name. */
export const serviceRows = async (
  serviceUrl: string,
  token: string,
  body: { from: number; to: number; queries: unknown[] }
): Promise<Array<Record<string, unknown>>> => {
  const response = await fetch(`${serviceUrl}/api/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`service answered ${response.status}: ${await response.text()}`);
  }
  const [result] = Object.values(answerSchema.parse(await response.json()).results);
  if (result.error) {
    throw new Error(result.error.message);
  }
  const [frame] = result.frames;
  const names = frame.schema.fields.map((field) => field.name);
  const length = frame.data.values[0]?.length ?? 0;
  return Array.from({ length }, (_, row) =>
    Object.fromEntries(names.map((name, column) => [name, frame.data.values[column][row]]))
  );
};
