import {
  standardTransformers,
  standardTransformersRegistry,
  transformDataFrame,
  type DataFrame,
  type DataTransformerConfig,
} from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import type { Observable } from 'rxjs';

let registered = false;

/**
 * Grafana registers its transformations at startup (with their editors, which
 * live in Grafana's app); the preview registers the ones @grafana/data ships,
 * without editors, so a panel's `transformations` run as in Grafana.
 */
export const registerTransformations = () => {
  if (registered) {
    return;
  }
  registered = true;
  // Some transformers are exported under two names; the registry wants each id once.
  const byId = new Map(Object.values(standardTransformers).map((info) => [info.id, info]));
  standardTransformersRegistry.setInit(() =>
    [...byId.values()].map((info) => ({
      id: info.id,
      aliasIds: info.aliasIds,
      name: info.name,
      description: info.description,
      transformation: () => Promise.resolve(info),
      editor: () => null,
      imageDark: '',
      imageLight: '',
    }))
  );
};

/** A panel's frames after its transformations, as Grafana hands them to the panel. */
export const withTransformations = (
  transformations: DataTransformerConfig[],
  frames: DataFrame[]
): Observable<DataFrame[]> => {
  registerTransformations();
  // Transformations may name fields with variables, as everywhere in Grafana.
  return transformDataFrame(transformations, frames, { interpolate: (text) => getTemplateSrv().replace(text) });
};
