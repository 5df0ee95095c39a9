import { FieldType, type DataFrame } from '@grafana/data';

/**
 * The frames a time series panel can draw, as Grafana's
 * prepareGraphableFields keeps them: each frame with a time field, reduced
 * to its time field and its number fields (a string column such as
 * `branch_id`, or a metric's `low_confidence` flag, is no line). Undefined
 * when no frame has both, so the panel shows Grafana's "needs a time
 * field / number field" view instead of an empty chart.
 */
export const graphableFrames = (series: DataFrame[]): DataFrame[] | undefined => {
  const frames = series.flatMap((frame) => {
    const time = frame.fields.find((field) => field.type === FieldType.time);
    const numbers = frame.fields.filter((field) => field.type === FieldType.number);
    return time && numbers.length > 0 ? [{ ...frame, fields: [time, ...numbers] }] : [];
  });
  return frames.length > 0 ? frames : undefined;
};
