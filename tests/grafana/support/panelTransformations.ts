import { standardTransformersRegistry, type DataFrame, type DataTransformerConfig } from '@grafana/data';
import { lastValueFrom } from 'rxjs';
import { registerTransformations, withTransformations } from '@touchpoint/preview/src/host/panelTransformations';

/**
 * The frames a panel receives: its query results after its transformations,
 * run by Grafana's own transformers as the preview runs them. An id Grafana
 * would not know fails here rather than being skipped, as Grafana skips it.
 */
export const applyPanelTransformations = (
  transformations: DataTransformerConfig[],
  frames: DataFrame[]
): Promise<DataFrame[]> => {
  registerTransformations();
  const unknown = transformations.filter(
    (transformation) => !standardTransformersRegistry.getIfExists(transformation.id)
  );
  if (unknown.length > 0) {
    throw new Error(`unknown transformation ${unknown.map((transformation) => transformation.id).join(', ')}`);
  }
  return lastValueFrom(withTransformations(transformations, frames));
};
