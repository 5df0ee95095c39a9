import { z } from 'zod';

/**
 * Dashboard variables as the datasource sends them: a single value, or the
 * list of selected values for multi-value and All.
 */
export const variableValueSchema = z.union([z.string(), z.number(), z.array(z.string()), z.array(z.number())]);
export const variablesSchema = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), variableValueSchema);

export type VariableValue = z.infer<typeof variableValueSchema>;
export type Variables = z.infer<typeof variablesSchema>;

/**
 * How SQL and settings refer to a dashboard variable, in Grafana's three
 * forms: `$name`, `${name}` (or `${name:format}`) and `[[name]]`. Read by the
 * service to bind values and by the datasource to know which to send.
 */
const variableReference = String.raw`\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[A-Za-z]+)?\}|\$([A-Za-z_][A-Za-z0-9_]*)|\[\[([A-Za-z_][A-Za-z0-9_]*)\]\]`;

/** A reference at the start of a text. */
export const leadingVariableReference = new RegExp(`^(?:${variableReference})`);
/** A text that is one reference and nothing else. */
export const wholeVariableReference = new RegExp(`^(?:${variableReference})$`);
/** Every reference in a text (use with matchAll). */
export const variableReferences = new RegExp(variableReference, 'g');

/** The variable's name in a match of any of the patterns above. */
export const referencedName = (match: RegExpMatchArray): string => match[1] ?? match[2] ?? match[3];
