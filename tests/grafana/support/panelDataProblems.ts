import { FieldMatcherID, FieldType, getFieldDisplayName, getFieldMatcher, type DataFrame } from '@grafana/data';
import { viewReaders } from '@touchpoint/scorecard-panel/src/model/viewReaders';
import { readOptions } from '@touchpoint/scorecard-panel/src/options/scorecardOptions';
import panelPlugin from '@touchpoint/scorecard-panel/src/plugin.json';
import type { DashboardPanel } from './dashboardFiles';

const hasField = (frame: DataFrame, type: FieldType) => frame.fields.some((field) => field.type === type);
const frameName = (frame: DataFrame) => `frame ${frame.refId ?? ''}${frame.name ? ` (${frame.name})` : ''}`;

const reduceFieldsProblems = (panel: DashboardPanel, frames: DataFrame[]): string[] => {
  const pattern = (panel.options.reduceOptions as { fields?: string } | undefined)?.fields;
  const matches = getFieldMatcher(
    pattern ? { id: FieldMatcherID.byRegexp, options: pattern } : { id: FieldMatcherID.numeric }
  );
  const shown = frames.some((frame) => frame.fields.some((field) => matches(field, frame, frames)));
  return shown ? [] : [`no field to show: none is numeric${pattern ? ` and named like ${pattern}` : ''}`];
};

const tableProblems = (panel: DashboardPanel, frames: DataFrame[]): string[] => {
  if (frames.length !== 1) {
    return [`${frames.length} frames: a table shows one at a time, so join them`];
  }
  const names = frames[0].fields.map((field) => getFieldDisplayName(field, frames[0], frames));
  const sortBy = (panel.options.sortBy as Array<{ displayName: string }> | undefined) ?? [];
  return sortBy
    .filter((sort) => !names.includes(sort.displayName))
    .map((sort) => `sorts by ${sort.displayName}, which is not a column (${names.join(', ')})`);
};

/** What each panel type needs from its frames. */
const panelChecks: Record<string, (panel: DashboardPanel, frames: DataFrame[]) => string[]> = {
  [panelPlugin.id]: (panel, frames) => {
    const result = viewReaders[readOptions(panel.options).view](frames as DataFrame[]);
    return 'problem' in result ? [result.problem] : [];
  },
  timeseries: (_, frames) =>
    frames
      .filter((frame) => !hasField(frame, FieldType.time) || !hasField(frame, FieldType.number))
      .map((frame) => `${frameName(frame)} is not a time series`),
  stat: reduceFieldsProblems,
  bargauge: reduceFieldsProblems,
  table: tableProblems,
};

/** Field overrides whose matcher finds no field have gone stale. */
const overrideProblems = (panel: DashboardPanel, frames: DataFrame[]): string[] =>
  panel.fieldConfig.overrides
    .filter(({ matcher }) => {
      const matches = getFieldMatcher(matcher);
      return !frames.some((frame) => frame.fields.some((field) => matches(field, frame, frames)));
    })
    .map(({ matcher }) => `override ${matcher.id} ${JSON.stringify(matcher.options)} matches no field`);

/** Fields a `filterFieldsByName` keeps by name must exist, or the panel silently shows less. */
const filterProblems = (panel: DashboardPanel, received: DataFrame[]): string[] =>
  panel.transformations
    .filter((transformation) => transformation.id === 'filterFieldsByName')
    .flatMap((transformation) => (transformation.options as { include?: { names?: string[] } }).include?.names ?? [])
    .filter((name) => {
      const matches = getFieldMatcher({ id: FieldMatcherID.byName, options: name });
      return !received.some((frame) => frame.fields.some((field) => matches(field, frame, received)));
    })
    .map((name) => `filterFieldsByName keeps ${name}, which no query returns`);

/**
 * Why a panel could not show what its queries return (`received`) once its
 * transformations have run (`shown`); empty when it can.
 */
export const panelDataProblems = (
  panel: DashboardPanel,
  { received, shown }: { received: DataFrame[]; shown: DataFrame[] }
): string[] => {
  const check = panelChecks[panel.type];
  if (!check) {
    return [`no check for panel type ${panel.type}: add one to panelDataProblems`];
  }
  return [...filterProblems(panel, received), ...check(panel, shown), ...overrideProblems(panel, shown)];
};
