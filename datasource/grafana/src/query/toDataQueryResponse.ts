import {
  dataFrameFromJSON,
  LoadingState,
  type DataFrameJSON,
  type DataQueryError,
  type DataQueryResponse,
} from '@grafana/data';
import { queryResponseSchema } from '@touchpoint/contract/src/queryRequest';
import { messages } from '../messages';

/**
 * The service's `{ results: { refId: { frames, error } } }` as Grafana's
 * response: frames tagged with their refId, and each failed query as an
 * error of its own, so one bad query does not blank the others.
 */
export const toDataQueryResponse = (
  body: unknown,
  refIds: string[],
  earlier: DataQueryError[] = []
): DataQueryResponse => {
  const parsed = queryResponseSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = messages.badResponse(`${issue.path.join('.')}: ${issue.message}`);
    return {
      data: [],
      errors: [...earlier, ...refIds.map((refId) => ({ refId, message }))],
      state: LoadingState.Error,
    };
  }
  const errors = [...earlier];
  const data = refIds.flatMap((refId) => {
    const result = parsed.data.results[refId];
    if (!result) {
      errors.push({ refId, message: messages.missingResult(refId) });
      return [];
    }
    if (result.error) {
      errors.push({
        refId,
        message: result.error.message,
        data: { message: result.error.message, error: result.error.code },
      });
    }
    return result.frames.map((frame) => {
      // The contract types meta.type as any string; the service only sets Grafana's DataFrameType values.
      const dataFrame = dataFrameFromJSON(frame as DataFrameJSON);
      dataFrame.refId = refId;
      return dataFrame;
    });
  });
  return { data, errors, state: errors.length > 0 ? LoadingState.Error : LoadingState.Done };
};
