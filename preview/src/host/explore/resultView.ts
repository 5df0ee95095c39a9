import type { ResultView } from './exploreUrl';

/** What the choice reads of a frame (a DataFrame is one): its row count and its fields' types, as FieldType names them. */
interface FrameShape {
  length: number;
  fields: ReadonlyArray<{ type: string }>;
}

/** A frame Grafana can draw over time: a time field and at least one number. */
const isGraphable = (frame: FrameShape) =>
  frame.fields.some((field) => field.type === 'time') && frame.fields.some((field) => field.type === 'number');

/** The views a result can take: always a table, and a time series when every non-empty frame has time and numbers. */
export const possibleViews = (frames: FrameShape[]): ResultView[] => {
  const shown = frames.filter((frame) => frame.length > 0);
  return shown.length > 0 && shown.every(isGraphable) ? ['time_series', 'table'] : ['table'];
};

/** What the result shows: the chosen view when the frames allow it, else a time series when they can be one, else a table. */
export const shownView = (frames: FrameShape[], chosen: ResultView | undefined): ResultView => {
  const views = possibleViews(frames);
  return chosen && views.includes(chosen) ? chosen : views[0];
};
