import type { PanelOptionsEditorBuilder } from '@grafana/data';
import { optionLabels as labels } from '../messages';
import {
  cohortValues,
  defaultOptions,
  journeySorts,
  sortOrders,
  views,
  wallModes,
  type ScorecardOptions,
} from './scorecardOptions';

type Builder = PanelOptionsEditorBuilder<ScorecardOptions>;

const choices = <K extends string>(values: readonly K[], names: Record<K, string>) =>
  values.map((value) => ({ value, label: names[value] }));
const showsView = (view: ScorecardOptions['view']) => (options: ScorecardOptions) => options.view === view;

export const addViewOptions = (builder: Builder) =>
  builder.addRadio({
    path: 'view',
    name: labels.view,
    description: labels.viewHelp,
    category: [labels.groups.view],
    defaultValue: defaultOptions.view,
    settings: { options: choices(views, labels.views) },
  });

export const addSliOptions = (builder: Builder) =>
  builder
    .addRadio({
      path: 'sort',
      name: labels.sort,
      category: [labels.groups.sli],
      defaultValue: defaultOptions.sort,
      settings: { options: choices(sortOrders, labels.sorts) },
      showIf: showsView('sli'),
    })
    .addBooleanSwitch({
      path: 'groupByRegion',
      name: labels.groupByRegion,
      description: labels.groupByRegionHelp,
      category: [labels.groups.sli],
      defaultValue: defaultOptions.groupByRegion,
      showIf: showsView('sli'),
    })
    .addBooleanSwitch({
      path: 'showTrend',
      name: labels.showTrend,
      description: labels.showTrendHelp,
      category: [labels.groups.sli],
      defaultValue: defaultOptions.showTrend,
      showIf: showsView('sli'),
    });

export const addTrendOptions = (builder: Builder) =>
  builder
    .addBooleanSwitch({
      path: 'showGoals',
      name: labels.showGoals,
      category: [labels.groups.trend],
      defaultValue: defaultOptions.showGoals,
      showIf: showsView('trend'),
    })
    .addBooleanSwitch({
      path: 'showOverlay',
      name: labels.showOverlay,
      description: labels.showOverlayHelp,
      category: [labels.groups.trend],
      defaultValue: defaultOptions.showOverlay,
      showIf: showsView('trend'),
    });

export const addCohortOptions = (builder: Builder) =>
  builder
    .addRadio({
      path: 'cohortValue',
      name: labels.cohortValue,
      category: [labels.groups.cohorts],
      defaultValue: defaultOptions.cohortValue,
      settings: { options: choices(cohortValues, labels.cohortValues) },
      showIf: showsView('cohorts'),
    })
    .addBooleanSwitch({
      path: 'showAverage',
      name: labels.showAverage,
      category: [labels.groups.cohorts],
      defaultValue: defaultOptions.showAverage,
      showIf: showsView('cohorts'),
    });

export const addJourneyOptions = (builder: Builder) =>
  builder
    .addRadio({
      path: 'journeySort',
      name: labels.journeySort,
      category: [labels.groups.journey],
      defaultValue: defaultOptions.journeySort,
      settings: { options: choices(journeySorts, labels.journeySorts) },
      showIf: showsView('journey'),
    })
    .addTextInput({
      path: 'journeyOrder',
      name: labels.journeyOrder,
      description: labels.journeyOrderHelp,
      category: [labels.groups.journey],
      defaultValue: defaultOptions.journeyOrder,
      showIf: showsView('journey'),
    });

export const addDrillOptions = (builder: Builder) =>
  builder.addTextInput({
    path: 'branchVariable',
    name: labels.branchVariable,
    description: labels.branchVariableHelp,
    category: [labels.groups.drill],
    defaultValue: defaultOptions.branchVariable,
  });

export const addWallOptions = (builder: Builder) =>
  builder
    .addRadio({
      path: 'wall',
      name: labels.wall,
      description: labels.wallHelp,
      category: [labels.groups.wall],
      defaultValue: defaultOptions.wall,
      settings: { options: choices(wallModes, labels.walls) },
    })
    .addNumberInput({
      path: 'rotateSeconds',
      name: labels.rotateSeconds,
      description: labels.rotateSecondsHelp,
      category: [labels.groups.wall],
      defaultValue: defaultOptions.rotateSeconds,
      settings: { min: 0, max: 3600, integer: true },
    });
