import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

/** The line on top of every preview page (a dashboard's, Explore's): title on the left, links on the right. */
export const headerStyles = (theme: GrafanaTheme2) => ({
  header: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    padding: theme.spacing(1, 2),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  title: css({ fontSize: theme.typography.h3.fontSize, margin: 0 }),
  links: css({ display: 'flex', gap: theme.spacing(1), marginLeft: 'auto' }),
});
