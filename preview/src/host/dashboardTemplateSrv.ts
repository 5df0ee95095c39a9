import {
  LoadingState,
  VariableHide,
  type CustomVariableModel,
  type ScopedVars,
  type TypedVariableModel,
} from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

const ALL = '$__all';

export interface VariableSpec {
  name: string;
  /** Every option the variable offers. */
  options: string[];
  /** The selection: one value, several, or `$__all`. */
  selected: string | string[];
  multi?: boolean;
  includeAll?: boolean;
  allValue?: string;
}

/** A dashboard's custom variable, with the fields Grafana's model has. */
export const customVariable = (spec: VariableSpec, index: number): CustomVariableModel => ({
  id: spec.name,
  name: spec.name,
  type: 'custom',
  rootStateKey: null,
  global: false,
  hide: VariableHide.dontHide,
  skipUrlSync: false,
  index,
  state: LoadingState.Done,
  error: null,
  description: null,
  query: spec.options.join(','),
  multi: spec.multi ?? Array.isArray(spec.selected),
  includeAll: spec.includeAll ?? spec.selected === ALL,
  allValue: spec.allValue ?? null,
  current: { selected: true, text: spec.selected, value: spec.selected },
  options: spec.options.map((option) => ({ selected: false, text: option, value: option })),
});

const reference = /\$\{(\w+)(?::\w+)?\}|\$(\w+)|\[\[(\w+)\]\]/g;

/**
 * Grafana's TemplateSrv lives in Grafana's core, not in its packages; this
 * reproduces the part datasources rely on: `$x`, `${x}` and `[[x]]` are
 * replaced by the repeat's scoped value or the current selection; All is
 * every option (or the custom all value); a format function receives the
 * values before they become text; unknown names are left as written.
 */
export class DashboardTemplateSrv implements TemplateSrv {
  private readonly variables: CustomVariableModel[];

  constructor(specs: VariableSpec[]) {
    this.variables = specs.map(customVariable);
  }

  getVariables(): TypedVariableModel[] {
    return this.variables;
  }

  containsTemplate(target?: string): boolean {
    return [...(target ?? '').matchAll(reference)].some(
      (match) => this.find(match[1] ?? match[2] ?? match[3]) !== undefined
    );
  }

  updateTimeRange(): void {}

  // The format's type is Grafana's own (a string or any function), read from its interface.
  replace(target = '', scopedVars: ScopedVars = {}, format?: Parameters<TemplateSrv['replace']>[2]): string {
    return target.replace(reference, (whole, braced?: string, plain?: string, bracketed?: string) => {
      const name = braced ?? plain ?? bracketed ?? '';
      const variable = this.find(name);
      const scoped = scopedVars[name];
      if (!variable && !scoped) {
        return whole;
      }
      let value: string | string[] = scoped
        ? (scoped.value as string | string[])
        : (variable!.current.value as string | string[]);
      const all = value === ALL || (Array.isArray(value) && value.includes(ALL));
      if (all && variable) {
        value = variable.allValue ?? variable.options.map((option) => String(option.value));
      }
      if (typeof format === 'function') {
        return String(format(value, variable));
      }
      return Array.isArray(value) ? value.join(',') : value;
    });
  }

  private find(name: string) {
    return this.variables.find((variable) => variable.name === name);
  }
}
