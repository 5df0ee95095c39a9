import { css } from '@emotion/css';
import type { DataFrame, GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { testIds } from '../messages';
import { describeBranch, readClosedLoopBoard } from '../model/closedLoopBoard';

/** The branch's closed-loop numbers above its awaiting ratings: what the click came from. */
export function ClosedLoopSummary({ frames, branchId }: { frames: DataFrame[]; branchId: string }) {
  const styles = useStyles2(getStyles);
  const result = readClosedLoopBoard(frames);
  if ('problem' in result) {
    return null;
  }
  const branch = result.model.branches.find((candidate) => candidate.branchId === branchId);
  if (!branch) {
    return null;
  }
  return (
    <p className={styles.summary} data-testid={testIds.closedLoopSummary}>
      {describeBranch(branch, result.model).join(' · ')}
    </p>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  summary: css({ margin: theme.spacing(0, 0, 1, 0), fontWeight: theme.typography.fontWeightMedium }),
});
