import { css } from '@emotion/css';
import type { DataFrame, GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { messages } from '../messages';
import { readBranchBoard } from '../model/branchBoard';
import { branchWithId } from '../model/branchNames';
import { formatChange, formatMetric } from '../model/formatMetric';

/** The branch (name, id and region) and its relationship numbers above its customers: what the click came from. */
export function BranchSummary({ frames, branchId }: { frames: DataFrame[]; branchId: string }) {
  const styles = useStyles2(getStyles);
  const result = readBranchBoard(frames);
  if ('problem' in result) {
    return null;
  }
  const branch = result.model.branches.find((candidate) => candidate.branchId === branchId);
  if (!branch) {
    return null;
  }
  const { metric } = result.model;
  const change = branch.previous?.change;
  return (
    <p className={styles.summary}>
      {[
        branchWithId(branch.name, branch.branchId),
        branch.region,
        `${metric.label} ${branch.value === null ? '–' : formatMetric(branch.value, metric)}`,
        branch.band?.label,
        messages.n(branch.n),
        branch.lowConfidence ? messages.lowN(result.model.minN) : undefined,
        change !== undefined && change !== null ? `${formatChange(change, metric)} ${messages.change}` : undefined,
      ]
        .filter(Boolean)
        .join(' · ')}
    </p>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  summary: css({ margin: theme.spacing(0, 0, 1, 0), fontWeight: theme.typography.fontWeightMedium }),
});
