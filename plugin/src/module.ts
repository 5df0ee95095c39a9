import { PanelPlugin } from '@grafana/data';
import { ScorecardPanel } from './components/ScorecardPanel';
import {
  addCohortOptions,
  addDrillOptions,
  addJourneyOptions,
  addSliOptions,
  addTrendOptions,
  addViewOptions,
  addWallOptions,
} from './options/optionGroups';
import type { ScorecardOptions } from './options/scorecardOptions';

export const plugin = new PanelPlugin<ScorecardOptions>(ScorecardPanel).setPanelOptions((builder) => {
  addViewOptions(builder);
  addSliOptions(builder);
  addTrendOptions(builder);
  addCohortOptions(builder);
  addJourneyOptions(builder);
  addDrillOptions(builder);
  addWallOptions(builder);
});
