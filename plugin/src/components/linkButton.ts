import type { GrafanaTheme2 } from '@grafana/data';

/**
 * A button that reads as a link (a drill step, a breadcrumb): keyboard and
 * screen readers get a button, the eye gets Grafana's link colour. Spread
 * into a css() object and add how it shows hover.
 */
export const linkButton = (theme: GrafanaTheme2) =>
  ({
    background: 'none',
    border: 'none',
    padding: 0,
    color: theme.colors.text.link,
    cursor: 'pointer',
    font: 'inherit',
  }) as const;
