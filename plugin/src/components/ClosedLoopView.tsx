import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { Fragment } from 'react';
import { messages, testIds } from '../messages';
import { severityColor } from '../model/bands';
import {
  cellNotes,
  describeBranch,
  formatClosedLoopValue,
  sortClosedLoop,
  type ClosedLoopBoard,
  type ClosedLoopBranch,
  type ClosedLoopCell,
} from '../model/closedLoopBoard';
import { formatDuration } from '../model/formatDuration';
import type { MetricInfo } from '../model/metricField';
import type { ViewProps } from './viewProps';
import { BoardTable } from './BoardTable';
import { boardSizes, boardStyles, type BoardSizes } from './boardLayout';

const RATIOS = ['inSla', 'contact', 'recovery'] as const;

/**
 * Per branch, the follow-up of negative ratings: the overdue backlog and how
 * long the oldest rating has waited, the share closed within the SLA, the
 * median time to first contact and the recovery rate, worst backlog first.
 * Every value has its n and low-n mark and every colour its words; a
 * branch leads to its ratings awaiting follow-up.
 */
export function ClosedLoopView({ model, width, height, wall, onDrill }: ViewProps<ClosedLoopBoard>) {
  const styles = useStyles2(getStyles);
  const branches = sortClosedLoop(model.branches);
  const sizes = boardSizes(height, branches.length, wall);
  const ratios = RATIOS.filter((column) => model.metrics[column] !== undefined);

  if (branches.length === 0) {
    return <p className={styles.empty}>{messages.closedLoop.empty}</p>;
  }

  return (
    <BoardTable
      width={width}
      height={height}
      wall={wall}
      sizes={sizes}
      testId={testIds.closedLoopTable}
      label={messages.closedLoop.table}
      headings={[
        messages.closedLoop.branch,
        messages.closedLoop.overdue,
        ...(model.hasOldest ? [messages.closedLoop.oldest] : []),
        ...ratios.map((column) => messages.closedLoop[column]),
      ]}
    >
      {branches.map((branch) => (
        <BranchRow
          key={branch.branchId}
          branch={branch}
          model={model}
          ratios={ratios}
          sizes={sizes}
          wall={wall}
          onSelect={() => onDrill({ kind: 'followups', branchId: branch.branchId })}
        />
      ))}
    </BoardTable>
  );
}

interface RowProps {
  branch: ClosedLoopBranch;
  model: ClosedLoopBoard;
  ratios: ReadonlyArray<(typeof RATIOS)[number]>;
  sizes: BoardSizes;
  wall: boolean;
  onSelect: () => void;
}

function BranchRow({ branch, model, ratios, sizes, wall, onSelect }: RowProps) {
  const styles = useStyles2(getStyles);
  const { rowHeight: height, valueFont, noteFont } = sizes;
  const label = messages.closedLoop.rowLabel(describeBranch(branch, model));
  const subtitle = [branch.name !== branch.branchId ? branch.branchId : undefined, branch.region]
    .filter(Boolean)
    .join(' · ');
  const note = (text: string) => (
    <span className={styles.note} style={{ fontSize: noteFont }}>
      {text}
    </span>
  );
  return (
    <tr style={{ height }} data-testid={testIds.closedLoopRow(branch.branchId)}>
      <th scope="row" className={styles.branchCell}>
        <button
          type="button"
          className={styles.rowButton}
          style={{ fontSize: valueFont }}
          aria-label={label}
          title={wall ? undefined : label}
          onClick={onSelect}
        >
          <span className={styles.name}>{branch.name}</span>
          {subtitle && note(subtitle)}
        </button>
      </th>
      <td>
        <span
          className={cx(styles.value, branch.overdue > 0 && styles.overdue)}
          style={{ fontSize: valueFont }}
          aria-hidden
        >
          {branch.overdue > 0 ? `⚠ ${branch.overdue.toLocaleString('en-US')}` : '0'}
        </span>
        {note(messages.closedLoop.overdueCount(branch.overdue))}
      </td>
      {model.hasOldest && (
        <td>
          <span className={styles.value} style={{ fontSize: valueFont }}>
            {formatDuration(branch.oldestAwaitingSeconds ?? null)}
          </span>
          {note(
            branch.awaiting !== undefined
              ? branch.awaiting === 0
                ? messages.closedLoop.nothingAwaiting
                : messages.closedLoop.awaiting(branch.awaiting)
              : ''
          )}
        </td>
      )}
      {ratios.map((column) => (
        <RatioCell
          key={column}
          column={column}
          cell={branch[column]}
          info={model.metrics[column]!}
          minN={model.minN}
          valueFont={valueFont}
          noteFont={noteFont}
        />
      ))}
    </tr>
  );
}

interface CellProps {
  column: (typeof RATIOS)[number];
  cell?: ClosedLoopCell;
  info: MetricInfo;
  minN?: number;
  valueFont: number;
  noteFont: number;
}

/** A share or a time with its band (a swatch beside its name), n and low-n mark written under it. */
function RatioCell({ column, cell, info, minN, valueFont, noteFont }: CellProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const severity = cell?.band?.severity;
  const notes = cellNotes(cell, minN);
  const [band, ...rest] = cell?.band ? notes : [undefined, ...notes];
  return (
    <td className={cell?.lowConfidence ? styles.lowN : undefined}>
      <span className={styles.value} style={{ fontSize: valueFont }}>
        {formatClosedLoopValue(column, cell, info)}
      </span>
      <span className={styles.note} style={{ fontSize: noteFont }}>
        {band && severity && (
          <>
            <span
              className={styles.swatch}
              style={{ background: theme.visualization.getColorByName(severityColor[severity]) }}
              aria-hidden
            />
            {band}
            {rest.length > 0 && ' · '}
          </>
        )}
        {rest.map((text, index) => (
          <Fragment key={text}>
            {index > 0 && ' · '}
            <span className={text === messages.lowN(minN) ? styles.lowNText : undefined}>{text}</span>
          </Fragment>
        ))}
      </span>
    </td>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  ...boardStyles(theme),
  branchCell: css({ width: '28%', fontWeight: 'inherit' }),
  name: css({
    fontWeight: theme.typography.fontWeightMedium,
    maxWidth: '100%',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  }),
  overdue: css({ color: theme.colors.error.text }),
  swatch: css({
    display: 'inline-block',
    width: '0.7em',
    height: '0.7em',
    marginRight: '0.3em',
    borderRadius: 2,
    border: `1px solid ${theme.colors.border.medium}`,
  }),
  lowNText: css({ color: theme.colors.warning.text, fontWeight: theme.typography.fontWeightMedium }),
});
