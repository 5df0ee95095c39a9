import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { messages, testIds } from '../messages';
import { stepLabel } from '../drill/stepLabel';
import type { DrillPath, DrillStep } from '../drill/drillPath';
import { branchWithId } from '../model/branchNames';
import { linkButton } from './linkButton';

interface Props {
  path: DrillPath;
  /** Goes back up to a depth: 0 is the scorecard. */
  onNavigate: (depth: number) => void;
  wall: boolean;
  /** Branch names by id, where the panel's frames carry them. */
  branchNames?: ReadonlyMap<string, string>;
}

/** A branch's crumb reads its name; hovering it gives the id as well. */
const crumbTitle = (step: DrillStep, branchNames: ReadonlyMap<string, string> = new Map()) => {
  const name = 'branchId' in step ? branchNames.get(step.branchId) : undefined;
  return name !== undefined && 'branchId' in step ? branchWithId(name, step.branchId) : undefined;
};

/** Scorecard › Branch Harbour Street › Customer C00042: every level above the current one is a link up. */
export function Breadcrumbs({ path, onNavigate, wall, branchNames }: Props) {
  const styles = useStyles2(getStyles);
  const crumbs = [
    { label: messages.scorecard, title: undefined },
    ...path.map((step) => ({ label: stepLabel(step, branchNames), title: crumbTitle(step, branchNames) })),
  ];
  return (
    <nav
      aria-label="Drill-down path"
      data-testid={testIds.breadcrumbs}
      className={styles.nav}
      style={{ fontSize: wall ? 24 : undefined }}
    >
      <ol className={styles.list}>
        {crumbs.map(({ label, title }, depth) => (
          <li key={`${depth}-${label}`} className={styles.item}>
            {depth < crumbs.length - 1 ? (
              <button type="button" className={styles.link} title={title} onClick={() => onNavigate(depth)}>
                {label}
              </button>
            ) : (
              <span aria-current="page" className={styles.current} title={title}>
                {label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  nav: css({ marginBottom: theme.spacing(1) }),
  list: css({ display: 'flex', flexWrap: 'wrap', listStyle: 'none', margin: 0, padding: 0 }),
  item: css({
    display: 'flex',
    alignItems: 'center',
    '&:not(:last-child)::after': { content: '"›"', margin: theme.spacing(0, 1), color: theme.colors.text.secondary },
  }),
  link: css({
    ...linkButton(theme),
    '&:hover': { textDecoration: 'underline' },
  }),
  current: css({ fontWeight: theme.typography.fontWeightMedium }),
});
