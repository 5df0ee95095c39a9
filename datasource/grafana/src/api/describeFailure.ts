import { errorResponseSchema } from '@touchpoint/contract/src/serviceResponses';
import { messages } from '../messages';

/** The parts of Grafana's FetchError this reads; anything else thrown is described by its message. */
interface FailedFetch {
  status?: number;
  statusText?: string;
  data?: unknown;
  message?: string;
}

const isFailedFetch = (error: unknown): error is FailedFetch =>
  typeof error === 'object' && error !== null && ('status' in error || 'data' in error);

/**
 * One sentence a person can act on, for any failed call through the data
 * proxy: the service's own `{ code, message }` when it answered, else what
 * the status says about where things broke.
 */
export const describeFailure = (error: unknown): string => {
  if (!isFailedFetch(error)) {
    return error instanceof Error ? error.message : String(error);
  }
  const body = errorResponseSchema.safeParse(error.data);
  if (error.status === 401) {
    return messages.badToken(body.success ? body.data.message : undefined);
  }
  // The service never answers 403; Grafana does, when this user may not query the datasource.
  if (error.status === 403) {
    return messages.forbidden;
  }
  if (body.success) {
    return `${body.data.message} (${body.data.code})`;
  }
  if (error.status === 502 || error.status === 504 || error.status === undefined || error.status === 0) {
    return messages.unreachable(error.status, error.statusText);
  }
  if (error.status === 404) {
    return messages.notTouchpoint(`HTTP 404 for a Touchpoint route`);
  }
  return messages.httpFailure(error.status, error.statusText);
};
