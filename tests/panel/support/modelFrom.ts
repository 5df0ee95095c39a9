/** A view model from its reader's result; a test that expects a model fails on the reader's own words. */
export const modelFrom = <Model>(result: { model: Model } | { problem: string }): Model => {
  if ('problem' in result) {
    throw new Error(result.problem);
  }
  return result.model;
};
