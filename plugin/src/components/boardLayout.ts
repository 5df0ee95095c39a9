import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { linkButton } from './linkButton';

const ROW = { normal: { min: 40, max: 64, header: 28 }, wall: { min: 64, max: 120, header: 44 } };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Row height and type sizes of a board of rows (the closed loop, the
 * journey): rows share the panel's height within bounds, and on a wall
 * everything is larger, so it reads across a room.
 */
export interface BoardSizes {
  header: number;
  rowHeight: number;
  valueFont: number;
  noteFont: number;
}

export const boardSizes = (height: number, rows: number, wall: boolean): BoardSizes => {
  const size = wall ? ROW.wall : ROW.normal;
  const rowHeight = Math.floor(clamp((height - size.header) / Math.max(1, rows), size.min, size.max));
  const valueFont = Math.round(clamp(rowHeight * 0.36, 14, wall ? 44 : 22));
  const noteFont = Math.round(clamp(valueFont * 0.55, wall ? 16 : 11, 24));
  return { header: size.header, rowHeight, valueFont, noteFont };
};

/** The styles a board of rows shares: its row heading on the left, numbers right-aligned, notes under values. */
export const boardStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ overflow: 'auto' }),
  empty: css({ color: theme.colors.text.secondary, margin: theme.spacing(1) }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    color: theme.colors.text.primary,
    'th, td': {
      padding: theme.spacing(0.25, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      verticalAlign: 'middle',
      whiteSpace: 'nowrap',
    },
    // The row's name on the left, the numbers right-aligned under their headings.
    'th:first-child': { textAlign: 'left' },
    'thead th:not(:first-child), td': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
    'thead th': {
      position: 'sticky',
      top: 0,
      background: theme.colors.background.primary,
      color: theme.colors.text.secondary,
      fontWeight: theme.typography.fontWeightMedium,
    },
  }),
  wall: css({
    'th, td': { borderBottomColor: theme.colors.border.medium },
    'thead th': { color: theme.colors.text.primary },
  }),
  value: css({ display: 'block', fontWeight: theme.typography.fontWeightBold, lineHeight: 1.15 }),
  note: css({ display: 'block', color: theme.colors.text.secondary, lineHeight: 1.2 }),
  lowN: css({ background: theme.colors.background.secondary }),
  /** The row's heading is a button: its name, notes under it, underlined on hover and focus. */
  rowButton: css({
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    width: '100%',
    ...linkButton(theme),
    textAlign: 'left',
    '&:hover > span:first-of-type, &:focus-visible > span:first-of-type': { textDecoration: 'underline' },
  }),
});
