import { css, cx } from '@emotion/css';
import type { DataFrame, GrafanaTheme2 } from '@grafana/data';
import { Button, useStyles2 } from '@grafana/ui';
import { messages, testIds } from '../messages';
import type { DrillStep } from '../drill/drillPath';
import { branchNamesOf } from '../model/branchNames';
import { formatMetric } from '../model/formatMetric';
import type { MetricInfo } from '../model/metricField';
import { readWhyBoard, sliGap, type WhyCell } from '../model/whyBoard';
import { boardStyles } from './boardLayout';
import { linkButton } from './linkButton';

interface Props {
  branchId: string;
  /** The step's answer: whyQueries' frames. */
  frames: DataFrame[];
  onDrill: (step: DrillStep) => void;
}

/**
 * Why a branch's relationship is where it is: its SLI per touchpoint against
 * the company's, worst gap first (each touchpoint leads to its negative
 * ratings there), and its service metrics against the company's, every
 * value with its n; then on to the branch's customers.
 */
export function WhyView({ branchId, frames, onDrill }: Props) {
  const styles = useStyles2(getStyles);
  const board = readWhyBoard(frames);
  const branchName = branchNamesOf(frames).get(branchId) ?? branchId;
  const { why } = messages;
  const cell = (value: WhyCell | undefined, info: MetricInfo) => (
    <td className={value?.lowConfidence ? styles.lowN : undefined}>
      <span className={styles.value}>{value ? formatMetric(value.value, info) : '–'}</span>
      {value && (
        <span className={styles.note}>
          {messages.n(value.n)}
          {value.lowConfidence && ` · ${messages.lowN(board.minN)}`}
        </span>
      )}
    </td>
  );
  return (
    <div className={styles.view}>
      <Button
        className={styles.next}
        variant="secondary"
        icon="users-alt"
        onClick={() => onDrill({ kind: 'branch', branchId })}
      >
        {why.customers(branchName)}
      </Button>
      {board.sli && board.touchpoints.length > 0 && (
        <table className={styles.table} data-testid={testIds.whyTouchpoints} aria-label={why.touchpointsTable}>
          <thead>
            <tr>
              <th scope="col">{why.touchpoint}</th>
              <th scope="col">{why.branchSide(board.sli.label, branchName)}</th>
              <th scope="col">{why.companySide(board.sli.label)}</th>
              <th scope="col">{why.gap}</th>
            </tr>
          </thead>
          <tbody>
            {board.touchpoints.map((row) => {
              const gap = sliGap(row);
              return (
                <tr key={row.touchpoint} data-testid={testIds.whyTouchpoint(row.touchpoint)}>
                  <th scope="row">
                    <button
                      type="button"
                      className={styles.link}
                      onClick={() => onDrill({ kind: 'touchpoint', touchpoint: row.touchpoint })}
                    >
                      {row.touchpoint}
                    </button>
                  </th>
                  {cell(row.branch, board.sli!)}
                  {cell(row.company, board.sli!)}
                  <td>{gap === null ? '–' : why.gapValue(gap)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {board.service.length > 0 && (
        <table className={styles.table} data-testid={testIds.whyService} aria-label={why.serviceTable}>
          <thead>
            <tr>
              <th scope="col">{why.metric}</th>
              <th scope="col">{branchName}</th>
              <th scope="col">{why.company}</th>
            </tr>
          </thead>
          <tbody>
            {board.service.map((row) => (
              <tr key={row.info.metric} data-testid={testIds.whyMetric(row.info.metric)}>
                <th scope="row">{row.info.label}</th>
                {cell(row.branch, row.info)}
                {cell(row.company, row.info)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The boards' table (boardLayout.ts), at the drill's own size: notes in small type, the table only as wide as it needs. */
const getStyles = (theme: GrafanaTheme2) => {
  const board = boardStyles(theme);
  return {
    view: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1.5), overflow: 'auto', minHeight: 0 }),
    next: css({ alignSelf: 'flex-start' }),
    table: cx(board.table, css({ width: 'auto' })),
    value: board.value,
    note: cx(board.note, css({ fontSize: theme.typography.bodySmall.fontSize })),
    lowN: board.lowN,
    link: css({ ...linkButton(theme), textDecoration: 'underline' }),
  };
};
