import { FieldType, type DataFrame } from '@grafana/data';
import { fieldNamed } from './metricField';

const BRANCH = 'branch_id';
const NAME = 'branch_name';

/**
 * Branch names by id from every frame that carries both: a metric grouped
 * by branch_id (the service adds branch_name, as a field of a table and a
 * label of a time series), or a SQL table that selects them.
 */
export const branchNamesOf = (frames: DataFrame[]): Map<string, string> => {
  const names = new Map<string, string>();
  const add = (id: unknown, name: unknown) => {
    if (typeof id === 'string' && typeof name === 'string' && name !== '') {
      names.set(id, name);
    }
  };
  for (const frame of frames) {
    for (const field of frame.fields) {
      add(field.labels?.[BRANCH], field.labels?.[NAME]);
    }
    const id = fieldNamed(frame, BRANCH);
    const name = fieldNamed(frame, NAME);
    if (id?.type !== FieldType.string || name?.type !== FieldType.string) {
      continue;
    }
    id.values.forEach((value, index) => add(value, name.values[index]));
  }
  return names;
};

/** How a person reads a branch: by name, with its id beside it where the two differ ("Mill Lane (B2)"). */
export const branchWithId = (name: string, branchId: string): string =>
  name === branchId ? branchId : `${name} (${branchId})`;

/**
 * A series' label values as a person reads them: a branch by its name
 * (region and id go with it, the id kept for the hover text), every other
 * label (channel, touchpoint…) as it is.
 */
export const seriesLabelText = (labels: Record<string, string>): { name: string[]; ids: string[] } => {
  const named = labels[NAME] !== undefined && labels[NAME] !== '';
  const all = Object.entries(labels).filter(([, value]) => value !== '');
  if (!named) {
    const values = all.map(([, value]) => value);
    return { name: values, ids: values };
  }
  const name = all.filter(([key]) => key !== BRANCH && key !== 'region').map(([, value]) => value);
  const ids = all.filter(([key]) => key !== NAME).map(([, value]) => value);
  return { name, ids };
};
