/**
 * The message of anything thrown: an error's message, or the value itself as
 * text. Duck-typed, since errors from another realm (Node's own, under jest)
 * are not `instanceof Error` here.
 */
export const errorMessage = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
    ? error.message
    : String(error);
