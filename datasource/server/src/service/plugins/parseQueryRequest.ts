import { queryRequestSchema, type QueryRequest } from '@touchpoint/contract/src/queryRequest';

/** The request body checked against the contract, or the 400 body that says what is wrong and where. */
export const parseQueryRequest = (body: unknown): QueryRequest | { code: 'bad_request'; message: string } => {
  const parsed = queryRequestSchema.safeParse(body);
  if (parsed.success) {
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  return { code: 'bad_request', message: `invalid request at ${issue.path.join('.') || 'body'}: ${issue.message}` };
};
