import { css, cx } from '@emotion/css';
import type { DataFrame, GrafanaTheme2, PanelProps } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import { useStyles2 } from '@grafana/ui';
import { testIds } from '../messages';
import { drillNavigation } from '../drill/drillNavigation';
import type { DrillStep } from '../drill/drillPath';
import { singleBranch } from '../drill/drillQuery';
import { stepQueries } from '../drill/stepQueries';
import { useDrillResult } from '../drill/useDrillResult';
import { useNow } from '../hooks/useNow';
import { useUrlSearch } from '../hooks/useUrlSearch';
import { branchNamesOf } from '../model/branchNames';
import { frameStamp } from '../model/metricField';
import { isWallMode } from '../options/isWallMode';
import { readOptions, type ScorecardOptions } from '../options/scorecardOptions';
import { AsOfStamp } from './AsOfStamp';
import { Breadcrumbs } from './Breadcrumbs';
import { BranchSummary } from './BranchSummary';
import { ClosedLoopSummary } from './ClosedLoopSummary';
import { DrillView } from './DrillView';
import { isAwaitingData, PanelLoading } from './PanelLoading';
import { ViewOf } from './ViewOf';

const FOOTER = { normal: 18, wall: 34 };

/**
 * The scorecard: one of its views over the panel's data, or, once a branch,
 * cohort cell or trend point is clicked, the drill path down to customers
 * and their contacts.
 */
export function ScorecardPanel(props: PanelProps<ScorecardOptions>) {
  const { data, width, height, timeZone, timeRange, id } = props;
  const options = readOptions(props.options);
  const styles = useStyles2(getStyles);
  const search = useUrlSearch();
  const now = useNow();
  const wall = isWallMode(options.wall, search);
  const navigation = drillNavigation(id, options.branchVariable, search);
  const step = navigation.path[navigation.path.length - 1];
  const branchId = singleBranch(props.replaceVariables(`\${${options.branchVariable}:csv}`));
  const result = useDrillResult(step ? stepQueries(step, { branchId }) : undefined, {
    datasource: data.request?.targets[0]?.datasource,
    range: timeRange,
    timeZone,
    panelId: id,
  });
  const { asOf } = frameStamp(data.series);
  const footer = wall ? FOOTER.wall : FOOTER.normal;

  if (!step && data.series.length === 0) {
    return isAwaitingData(data) ? (
      <PanelLoading width={width} height={height} />
    ) : (
      <PanelDataErrorView panelId={id} data={data} fieldConfig={props.fieldConfig} />
    );
  }

  return (
    <div className={cx(styles.panel, wall && styles.wall)} style={{ width, height }} data-testid={testIds.panel}>
      {step ? (
        <>
          <Breadcrumbs
            path={navigation.path}
            onNavigate={navigation.navigate}
            wall={wall}
            branchNames={branchNamesOf(data.series)}
          />
          <DrillView
            step={step}
            result={result}
            timeZone={timeZone}
            wall={wall}
            summary={<StepSummary step={step} frames={data.series} />}
            onDrill={navigation.drill}
          />
        </>
      ) : (
        <ViewOf
          frames={data.series}
          data={data}
          panelId={id}
          options={options}
          width={width}
          height={height - (asOf !== undefined ? footer : 0)}
          wall={wall}
          timeZone={timeZone}
          onDrill={navigation.drill}
        />
      )}
      {asOf !== undefined && (
        <div className={styles.footer} style={{ height: footer, fontSize: wall ? 20 : 12 }}>
          <AsOfStamp asOf={asOf} now={now} timeZone={timeZone} />
        </div>
      )}
    </div>
  );
}

/** What a branch's step sits under: the numbers of the view it was clicked from. */
function StepSummary({ step, frames }: { step: DrillStep; frames: DataFrame[] }) {
  switch (step.kind) {
    case 'why':
    case 'branch':
      return <BranchSummary frames={frames} branchId={step.branchId} />;
    case 'followups':
      return <ClosedLoopSummary frames={frames} branchId={step.branchId} />;
    default:
      return null;
  }
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', overflow: 'hidden', color: theme.colors.text.primary }),
  wall: css({ fontSize: theme.typography.h4.fontSize }),
  footer: css({ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', flex: '0 0 auto' }),
});
