import type { UrlQueryMap } from '@grafana/data';
import { getTemplateSrv, locationService } from '@grafana/runtime';
import {
  branchOfStep,
  decodeDrillPath,
  drillParam,
  encodeDrillPath,
  type DrillPath,
  type DrillStep,
} from './drillPath';

export interface DrillNavigation {
  path: DrillPath;
  /** One step down; a branch (its customers or its follow-ups) also sets the dashboard's branch variable. */
  drill: (step: DrillStep) => void;
  /** Back up to a depth (0 = the scorecard), restoring the branch variable at the top. */
  navigate: (depth: number) => void;
}

/**
 * The drill path lives in the URL, each step a new history entry, so the
 * browser's back button walks up it and the dashboard variable changes in
 * place, as Grafana's own links do (locationService.partial, no reload).
 * The branch variable's value from before the first branch click is kept
 * beside the path, so leaving the drill puts the scorecard back as it was;
 * with no `var-` in the URL that is the variable's current selection, since
 * removing the parameter would leave Grafana on the drilled branch.
 */
export const drillNavigation = (panelId: number, branchVariable: string, search: UrlQueryMap): DrillNavigation => {
  const param = drillParam(panelId);
  const returnParam = `${param}-return`;
  const variableParam = `var-${branchVariable}`;
  const path = decodeDrillPath(search[param]);
  return {
    path,
    drill: (step) => {
      const update: UrlQueryMap = { [param]: encodeDrillPath([...path, step]) };
      const branchId = branchOfStep(step);
      if (branchId !== undefined) {
        update[variableParam] = branchId;
        if (!(returnParam in search)) {
          update[returnParam] = search[variableParam] ?? currentSelection(branchVariable);
        }
      }
      locationService.partial(update);
    },
    navigate: (depth) => {
      if (depth > 0) {
        locationService.partial({ [param]: encodeDrillPath(path.slice(0, depth)) });
        return;
      }
      const restore =
        returnParam in search ? { [variableParam]: search[returnParam] === '' ? null : search[returnParam] } : {};
      locationService.partial({ [param]: null, [returnParam]: null, ...restore });
    },
  };
};

/** The variable's selection as the dashboard holds it (`$__all` for All), or '' when Grafana has no such variable. */
const currentSelection = (name: string): string | string[] => {
  const variable = getTemplateSrv()
    ?.getVariables()
    .find((candidate) => candidate.name === name);
  const value = variable && 'current' in variable ? variable.current?.value : undefined;
  return typeof value === 'string' || Array.isArray(value) ? value : '';
};
