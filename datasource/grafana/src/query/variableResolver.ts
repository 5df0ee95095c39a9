import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import { referencedName, variableReferences, wholeVariableReference } from '@touchpoint/contract/src/variables';

/** The selected value(s) of a dashboard variable; undefined when the dashboard has none of that name. */
export type VariableResolver = (name: string) => string | string[] | undefined;

const asValues = (value: unknown): string | string[] => (Array.isArray(value) ? value.map(String) : String(value));

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

/** Names of the variables a text refers to, without Grafana's and the service's own `$__` macros. */
export const referencedVariables = (text: string): string[] => {
  const names = new Set<string>();
  for (const match of text.matchAll(variableReferences)) {
    const name = referencedName(match);
    if (!name.startsWith('__')) {
      names.add(name);
    }
  }
  return [...names];
};

/** A whole-value reference such as `$branch`: the variable's name, else undefined. */
export const wholeReference = (text: string): string | undefined => {
  const match = wholeVariableReference.exec(text.trim());
  return match ? referencedName(match) : undefined;
};
