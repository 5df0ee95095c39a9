import {
  formattedValueToString,
  getFieldDisplayName,
  type DataFrame,
  type Field,
  type InterpolateFunction,
  type ScopedVars,
} from '@grafana/data';
import { get } from 'lodash';

/** `${__field.name}`, `${__field.labels.channel}`, `${__series.name}`, `${__data.fields.channel}`: Grafana's data macros. */
const macro = /\$\{__(field|series|data)\.([^:}]+)\}/g;
const DATA_FIELD = /^fields(?:\.|\[")([^"\]]+)(?:"\])?$/;

interface DataContext {
  frame: DataFrame;
  field?: Field;
  data: DataFrame[];
  /** Set where a value stands for one row (a bar gauge or stat showing all values). */
  rowIndex?: number;
}

/** `${__data.fields.x}`: the row's value of field x (by name or display name), formatted as the field shows it. */
const rowValue = ({ frame, data, rowIndex }: DataContext, path: string): string | undefined => {
  const name = DATA_FIELD.exec(path)?.[1];
  if (rowIndex === undefined || name === undefined) {
    return undefined;
  }
  const field = frame.fields.find(
    (candidate) => candidate.name === name || getFieldDisplayName(candidate, frame, data) === name
  );
  if (!field) {
    return '';
  }
  const value = field.values[rowIndex];
  return field.display ? formattedValueToString(field.display(value)) : String(value ?? '');
};

/**
 * Grafana's template service resolves its data macros from the field a
 * value belongs to (the `__dataContext` scoped variable that field overrides
 * and display processors pass); the preview's template service knows only
 * dashboard variables, so the stock panels resolve these first. A macro
 * without a field or row to read from is left as written; an unknown path
 * is empty, as in Grafana.
 */
export const interpolateDataMacros = (text: string, scopedVars?: ScopedVars): string => {
  const context = scopedVars?.__dataContext?.value as DataContext | undefined;
  if (!context?.frame || !text.includes('${__')) {
    return text;
  }
  const { frame, field, data } = context;
  return text.replace(macro, (whole: string, kind: 'field' | 'series' | 'data', path: string) => {
    if (kind === 'data') {
      return rowValue(context, path) ?? whole;
    }
    if (kind === 'series') {
      return path === 'name' ? (frame.name ?? '') : '';
    }
    if (!field) {
      return whole;
    }
    const subject = {
      name: field.name,
      labels: field.labels ?? {},
      get displayName() {
        return getFieldDisplayName(field, frame, data);
      },
    };
    const value: unknown = get(subject, path);
    return value === undefined || value === null ? '' : String(value);
  });
};

/** A panel's `replaceVariables` that resolves Grafana's data macros before the dashboard's variables. */
export const withDataMacros =
  (replaceVariables: InterpolateFunction): InterpolateFunction =>
  (text, scopedVars, format) =>
    replaceVariables(interpolateDataMacros(text, scopedVars), scopedVars, format);
