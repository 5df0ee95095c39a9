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
  });
