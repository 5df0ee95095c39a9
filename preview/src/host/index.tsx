import { createTheme } from '@grafana/data';
import { setTemplateSrv } from '@grafana/runtime';
import { Alert, ThemeContext } from '@grafana/ui';
import { createRoot } from 'react-dom/client';
import { bootPreview } from './bootPreview';
import { DashboardTemplateSrv } from './dashboardTemplateSrv';
import { ExplorePage } from './explore/ExplorePage';
import { setMonacoEnvironment } from './explore/monacoEnvironment';
import { PreviewApp } from './PreviewApp';
import { PREVIEW_BOOT_GLOBAL } from './previewBoot';
import { previewTestIds, previewText } from './previewText';
import { pageStyles } from './pageStyles';

setMonacoEnvironment();
const root = createRoot(document.getElementById('root')!);
const theme = createTheme({
  colors: { mode: new URLSearchParams(window.location.search).get('theme') === 'light' ? 'light' : 'dark' },
});
pageStyles(theme);

bootPreview((window as unknown as Record<string, unknown>)[PREVIEW_BOOT_GLOBAL]).then(
  (preview) => {
    if (preview.boot.page === 'explore') {
      // Explore has no dashboard, so no variables: `$branch` in a query stays as written and the service says so.
      // The dashboard page sets its own on every selection (PreviewApp).
      setTemplateSrv(new DashboardTemplateSrv([]));
    }
    root.render(
      <ThemeContext.Provider value={theme}>
        {preview.boot.page === 'explore' ? <ExplorePage {...preview} /> : <PreviewApp {...preview} />}
      </ThemeContext.Provider>
    );
  },
  (error: Error) => {
    console.error(error);
    root.render(
      <ThemeContext.Provider value={theme}>
        <Alert title={previewText.failed} severity="error" data-testid={previewTestIds.error}>
          {error.message}
        </Alert>
      </ThemeContext.Provider>
    );
  }
);
