import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

/** The selected value(s) of a dashboard variable; undefined when the dashboard has none of that name. */
export type VariableResolver = (name: string) => string | string[] | undefined;

const asValues = (value: unknown): string | string[] =>
  Array.isArray(value) ? value.map(String) : String(value);

/**
 * Reads variables through Grafana's own TemplateSrv, so repeats (scopedVars),
 * multi-value and All (every option, or the variable's custom all value)
 * mean here exactly what they mean everywhere else in Grafana. The format
 * callback receives the values before any text is made of them.
 */
export const templateResolver =
  (templateSrv: TemplateSrv, scopedVars: ScopedVars = {}): VariableResolver =>
  (name) => {
    let values: string | string[] | undefined;
    templateSrv.replace(`\${${name}}`, scopedVars, (value: unknown) => {
      values = asValues(value);
      return '';
    });
    return values;
  };

/** `$name`, `${name}`, `${name:format}` or `[[name]]`, the forms Grafana and the service read. */
const variableReference = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[A-Za-z]+)?\}|\$([A-Za-z_][A-Za-z0-9_]*)|\[\[([A-Za-z_][A-Za-z0-9_]*)\]\]/g;

/** Names of the variables a text refers to, without Grafana's and the service's own `$__` macros. */
export const referencedVariables = (text: string): string[] => {
  const names = new Set<string>();
  for (const match of text.matchAll(variableReference)) {
    const name = match[1] ?? match[2] ?? match[3];
    if (!name.startsWith('__')) names.add(name);
  }
  return [...names];
};

/** A whole-value reference such as `$branch`: the variable's name, else undefined. */
export const wholeReference = (text: string): string | undefined => {
  const match = /^(?:\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[A-Za-z]+)?\}|\$([A-Za-z_][A-Za-z0-9_]*)|\[\[([A-Za-z_][A-Za-z0-9_]*)\]\])$/.exec(text.trim());
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
};
