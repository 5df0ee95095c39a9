import { injectGlobal } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

/**
 * The page's base styles from the theme. Not @grafana/ui's GlobalStyles:
 * they load Grafana's web fonts from its server, which the preview does not
 * have, and a missing font is a failed request on every page.
 */
export const pageStyles = (theme: GrafanaTheme2) =>
  injectGlobal({
    'html, body': {
      margin: 0,
      background: theme.colors.background.canvas,
      color: theme.colors.text.primary,
      fontFamily: theme.typography.fontFamily,
      fontSize: theme.typography.htmlFontSize,
    },
    '*, *::before, *::after': { boxSizing: 'border-box' },
    // Grafana's reset: editors group their radio buttons in fieldsets, which browsers draw with a border.
    fieldset: { minWidth: 0, padding: 0, margin: 0, border: 0 },
    // Grafana's too: controls take the theme's text colour and font (the table's column headers are buttons).
    'button, input, optgroup, select, textarea': {
      color: 'inherit',
      font: 'inherit',
      lineHeight: 'inherit',
      margin: 0,
    },
  });
