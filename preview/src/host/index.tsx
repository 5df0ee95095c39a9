import { createTheme } from '@grafana/data';
import { Alert, ThemeContext } from '@grafana/ui';
import { createRoot } from 'react-dom/client';
import { bootPreview } from './bootPreview';
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
  (preview) =>
    root.render(
      <ThemeContext.Provider value={theme}>
        {preview.boot.page === 'explore' ? <ExplorePage {...preview} /> : <PreviewApp {...preview} />}
      </ThemeContext.Provider>
    ),
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
