import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { LinkButton, useStyles2, useTheme2 } from '@grafana/ui';
import type { PreviewBoot } from '../previewBoot';
import { headerStyles } from '../headerStyles';
import { previewText } from '../previewText';
import { withParams } from '../withParams';
import { exploreText } from './exploreText';

interface Props {
  dashboards: PreviewBoot['dashboards'];
  datasourceName: string;
}

/** Explore's top line: its title and datasource, the way back to each dashboard, and the theme. */
export function ExploreHeader({ dashboards, datasourceName }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  return (
    <header className={styles.header}>
      <h1 className={styles.title}>{exploreText.title}</h1>
      <span className={styles.datasource}>{datasourceName}</span>
      <nav className={styles.links} aria-label={exploreText.dashboards}>
        {dashboards.map((dashboard) => (
          <LinkButton key={dashboard.uid} variant="secondary" fill="text" href={`/d/${dashboard.uid}`}>
            {dashboard.title}
          </LinkButton>
        ))}
        <LinkButton variant="secondary" href={withParams({ theme: theme.isDark ? 'light' : 'dark' })}>
          {previewText.theme(theme.isDark ? 'dark' : 'light')}
        </LinkButton>
      </nav>
    </header>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  ...headerStyles(theme),
  datasource: css({ color: theme.colors.text.secondary }),
});
