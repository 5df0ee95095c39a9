import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import type { CSSProperties } from 'react';
import { messages, testIds } from '../messages';
import { legendGradient, retentionFill, retentionScale, textOnFill, type RetentionScale } from '../model/cohortColor';
import { fitCohorts, SMALL, type CohortLayout } from '../model/cohortLayout';
import type { AveragePoint, Cohort, CohortCell, CohortModel } from '../model/cohortMatrix';
import type { ScorecardOptions } from '../options/scorecardOptions';
import { CohortAverageCurve } from './CohortAverageCurve';
import type { ViewProps } from './viewProps';

const text = messages.cohorts;

/** What a cell writes: the chosen value, and on a wall the other one too, as nothing there may be left to hover. */
const cellLines = (
  active: number,
  retention: number | null,
  value: ScorecardOptions['cohortValue'],
  wall: boolean
): string[] => {
  const percent = text.percent(retention);
  if (value === 'count') {
    return wall ? [text.count(active), percent] : [text.count(active)];
  }
  return wall ? [percent, text.activeN(active)] : [percent];
};

const widest = (lines: string[]) => lines.reduce((max, line) => Math.max(max, line.length), 0);

/**
 * The churn cohorts view: the retention triangle as a heatmap, one row per
 * cohort (oldest first) and one column per month since start, each cell a
 * button that drills into the cohort's customers; below it the average
 * retention curve weighted by cohort size, also written out as the last row
 * of the heatmap. Every cell writes its number, so the fill only repeats it.
 * Months are shown in UTC: a cohort is a calendar month, not an instant in
 * the dashboard's time zone. The colours span the lowest to the highest
 * value shown, and a legend above the months writes both ends. A wall, which
 * cannot scroll, shows the latest cohorts that fit and says so.
 */
export function CohortView({ model, options, width, height, wall, onDrill }: ViewProps<CohortModel>) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles, wall);
  const columns = model.maxK + 1;
  if (model.cohorts.length === 0 || columns === 0) {
    return <div className={styles.empty}>{text.empty}</div>;
  }

  const average = options.showAverage
    ? model.average.filter((point): point is AveragePoint => point !== undefined)
    : [];
  const hasAverage = average.length > 0;
  const lines = model.cohorts.flatMap((cohort) =>
    cohort.cells.flatMap((cell) => (cell ? cellLines(cell.active, cell.retention, options.cohortValue, wall) : []))
  );
  const averageLines = average.flatMap((point) => [
    text.percent(point.retention),
    ...(wall ? [text.activeN(point.active)] : []),
  ]);
  const sizeLines = [
    ...model.cohorts.map((cohort) => text.size(cohort.size, cohort.lowConfidence)),
    ...(hasAverage ? [text.weighted] : []),
  ];
  const fit = fitCohorts({
    cohorts: model.cohorts.length,
    averageRow: hasAverage,
    columns,
    width,
    height,
    wall,
    showCurve: hasAverage,
    cellChars: widest([...lines, ...averageLines]),
    sizeChars: widest(sizeLines),
  });
  const { layout } = fit;
  const cohorts = model.cohorts.slice(model.cohorts.length - fit.cohorts);
  const scale = retentionScale([
    ...cohorts.flatMap((cohort) => cohort.cells.flatMap((cell) => (cell?.retention != null ? [cell.retention] : []))),
    ...average.map((point) => point.retention),
  ]);
  const ks = Array.from({ length: columns }, (_, k) => k);
  const captionHeight = Math.floor((layout.headerHeight - layout.gap) / 2);
  const grid: CSSProperties = {
    gridTemplateColumns: `${layout.labelWidth}px repeat(${columns}, ${layout.cellWidth}px)`,
    gridTemplateRows: `${captionHeight}px ${layout.headerHeight - layout.gap - captionHeight}px`,
    gridAutoRows: `${layout.cellHeight}px`,
    gap: layout.gap,
  };
  const fillStyle = (retention: number | null): CSSProperties => {
    const background =
      retention === null || !scale ? theme.colors.background.secondary : retentionFill(theme, scale, retention);
    return { background, color: textOnFill(theme, background) };
  };

  return (
    <div
      className={styles.root}
      style={{ width, height, fontSize: layout.fontSize, overflow: layout.scrolls ? 'auto' : 'hidden' }}
    >
      <div role="table" aria-label={text.table} className={styles.grid} style={grid}>
        <div role="row" className={styles.row}>
          <div role="columnheader" className={cx(styles.corner, styles.sticky)} style={{ top: 0 }} />
          <div
            role="columnheader"
            className={cx(styles.corner, styles.stickyTop)}
            style={{ gridColumn: `2 / span ${columns}`, top: 0 }}
          >
            <span className={styles.captionText}>{text.caption}</span>
            {fit.cohorts < model.cohorts.length && (
              <span className={styles.latest} data-testid={testIds.cohortLatest}>
                {text.latest(fit.cohorts, model.cohorts.length, hasAverage)}
              </span>
            )}
            {scale && <ScaleLegend scale={scale} styles={styles} />}
          </div>
        </div>
        <div role="row" className={styles.row}>
          <div
            role="columnheader"
            className={cx(styles.corner, styles.sticky)}
            style={{ top: captionHeight + layout.gap }}
          >
            {text.cohort}
          </div>
          {ks.map((k) => (
            <div
              key={k}
              role="columnheader"
              className={cx(styles.header, styles.stickyTop)}
              style={{ top: captionHeight + layout.gap }}
              title={text.monthHeader(k)}
            >
              {k}
            </div>
          ))}
        </div>
        {cohorts.map((cohort) => (
          <div key={cohort.month} role="row" className={styles.row}>
            <RowLabel cohort={cohort} layout={layout} minN={model.minN} styles={styles} />
            {cohort.cells.map((cell, k) =>
              cell ? (
                <div key={k} role="cell" className={styles.slot}>
                  <CohortCellButton
                    cohort={cohort}
                    cell={cell}
                    lines={cellLines(cell.active, cell.retention, options.cohortValue, wall)}
                    minN={model.minN}
                    style={fillStyle(cell.retention)}
                    styles={styles}
                    onDrill={onDrill}
                  />
                </div>
              ) : (
                <div key={k} role="cell" className={styles.slot} />
              )
            )}
          </div>
        ))}
        {hasAverage && (
          <div role="row" className={styles.row}>
            <div
              role="rowheader"
              className={cx(styles.label, styles.sticky, styles.averageLabel)}
              title={text.averageHint}
            >
              <span>{text.average}</span>
              {layout.labelLines === 2 && <span className={styles.size}>{text.weighted}</span>}
            </div>
            {ks.map((k) => {
              const point = model.average[k];
              if (!point) {
                return <div key={k} role="cell" className={styles.slot} />;
              }
              const label = text.averageCell(point);
              return (
                <div
                  key={k}
                  role="cell"
                  className={cx(styles.cell, styles.averageCell)}
                  style={fillStyle(point.retention)}
                  title={label}
                  aria-label={label}
                  data-testid={testIds.cohortCell('average', k)}
                >
                  <span>{text.percent(point.retention)}</span>
                  {wall && <span className={styles.second}>{text.activeN(point.active)}</span>}
                </div>
              );
            })}
          </div>
        )}
      </div>
      {fit.showCurve && <CohortAverageCurve points={average} layout={layout} columns={columns} wall={wall} />}
    </div>
  );
}

type Styles = ReturnType<typeof getStyles>;

/** The colour scale's two ends, written out: the colour never says anything the text does not. */
function ScaleLegend({ scale, styles }: { scale: RetentionScale; styles: Styles }) {
  const theme = useTheme2();
  const low = text.percent(scale.low);
  const high = text.percent(scale.high);
  return (
    <span
      className={styles.legend}
      role="img"
      aria-label={text.legendScale(low, high)}
      data-testid={testIds.cohortLegend}
    >
      <span>{text.legend}</span>
      {low !== high && <span>{low}</span>}
      <span
        className={styles.legendBar}
        style={{ background: low === high ? retentionFill(theme, scale, scale.high) : legendGradient(theme) }}
      />
      <span>{high}</span>
    </span>
  );
}

function RowLabel({
  cohort,
  layout,
  minN,
  styles,
}: {
  cohort: Cohort;
  layout: CohortLayout;
  minN?: number;
  styles: Styles;
}) {
  const month = text.month(cohort.time, layout.monthFormat);
  const size = text.size(cohort.size, cohort.lowConfidence);
  const hint = [
    text.sizeHint(text.month(cohort.time, 'long'), cohort.size),
    cohort.lowConfidence ? messages.lowN(minN) : undefined,
  ]
    .filter(Boolean)
    .join('. ');
  return (
    <div
      role="rowheader"
      className={cx(styles.label, styles.sticky, layout.labelLines === 1 && styles.labelInline)}
      title={hint}
    >
      <span>{month}</span>
      <span className={cx(styles.size, cohort.lowConfidence && styles.lowN)}>{size}</span>
    </div>
  );
}

interface CellProps {
  cohort: Cohort;
  cell: CohortCell;
  lines: string[];
  minN?: number;
  style: CSSProperties;
  styles: Styles;
  onDrill: ViewProps<CohortModel>['onDrill'];
}

function CohortCellButton({ cohort, cell, lines, minN, style, styles, onDrill }: CellProps) {
  const label = [
    text.cell(text.month(cohort.time, 'long'), cell.k, cell.active, cohort.size, cell.retention),
    cohort.lowConfidence ? messages.lowN(minN) : undefined,
  ]
    .filter(Boolean)
    .join('. ');
  const [first, ...rest] = lines;
  return (
    <button
      type="button"
      className={cx(styles.cell, styles.button, cohort.lowConfidence && styles.lowCell)}
      style={style}
      title={label}
      aria-label={label}
      data-testid={testIds.cohortCell(cohort.month, cell.k)}
      onClick={() => onDrill({ kind: 'cohort', cohortMonth: cohort.month })}
    >
      <span>{first}</span>
      {rest.map((line) => (
        <span key={line} className={styles.second}>
          {line}
        </span>
      ))}
    </button>
  );
}

const getStyles = (theme: GrafanaTheme2, wall: boolean) => ({
  root: css({
    position: 'relative',
    fontFamily: theme.typography.fontFamily,
    fontVariantNumeric: 'tabular-nums',
    color: theme.colors.text.primary,
  }),
  empty: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    height: '100%',
    padding: theme.spacing(1),
    color: theme.colors.text.secondary,
    textAlign: 'center',
  }),
  grid: css({ display: 'grid', width: 'max-content' }),
  // Rows exist for assistive technology; the grid lays out their cells.
  row: css({ display: 'contents' }),
  sticky: css({ position: 'sticky', left: 0, zIndex: 2, background: theme.colors.background.primary }),
  stickyTop: css({ position: 'sticky', zIndex: 1, background: theme.colors.background.primary }),
  // The corner and the "months since start" caption: small secondary text at the bottom of its cell.
  corner: css({
    display: 'flex',
    alignItems: 'flex-end',
    gap: '1em',
    fontSize: `${SMALL}em`,
    color: theme.colors.text.secondary,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
  }),
  captionText: css({ overflow: 'hidden', textOverflow: 'ellipsis' }),
  latest: css({ color: theme.colors.text.primary, fontWeight: theme.typography.fontWeightMedium }),
  legend: css({
    display: 'flex',
    alignItems: 'center',
    gap: '0.4em',
    marginLeft: 'auto',
    color: wall ? theme.colors.text.primary : theme.colors.text.secondary,
  }),
  legendBar: css({
    display: 'inline-block',
    width: '6em',
    height: '0.8em',
    borderRadius: theme.shape.radius.default,
    border: `1px solid ${theme.colors.border.medium}`,
  }),
  header: css({
    display: 'flex',
    alignItems: 'flex-end',
    justifyContent: 'center',
    fontSize: `${SMALL}em`,
    color: wall ? theme.colors.text.primary : theme.colors.text.secondary,
  }),
  label: css({
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    lineHeight: 1.25,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    fontWeight: wall ? theme.typography.fontWeightMedium : theme.typography.fontWeightRegular,
  }),
  labelInline: css({ flexDirection: 'row', alignItems: 'center', justifyContent: 'flex-start', gap: '0.6em' }),
  size: css({ color: wall ? theme.colors.text.primary : theme.colors.text.secondary }),
  lowN: css({ color: theme.colors.warning.text }),
  averageLabel: css({ fontWeight: theme.typography.fontWeightBold }),
  slot: css({ display: 'flex', minWidth: 0 }),
  cell: css({
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    width: '100%',
    height: '100%',
    lineHeight: 1.25,
    borderRadius: theme.shape.radius.default,
    border: '1px solid transparent',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    fontWeight: wall ? theme.typography.fontWeightMedium : theme.typography.fontWeightRegular,
  }),
  button: css({
    margin: 0,
    padding: 0,
    font: 'inherit',
    fontWeight: wall ? theme.typography.fontWeightMedium : theme.typography.fontWeightRegular,
    cursor: 'pointer',
    '&:hover': { boxShadow: `inset 0 0 0 2px ${theme.colors.text.maxContrast}` },
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.border}`, outlineOffset: 1, zIndex: 3 },
  }),
  // Low n is written in the row label; the dashed edge repeats it in each cell.
  lowCell: css({ borderStyle: 'dashed', borderColor: theme.colors.text.secondary }),
  averageCell: css({ fontWeight: theme.typography.fontWeightBold }),
  second: css({ fontSize: `${SMALL}em` }),
});
