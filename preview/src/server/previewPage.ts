import { PREVIEW_BOOT_GLOBAL, type PreviewBoot } from '../host/previewBoot';

/** JSON that is safe inside a <script>: no `</script>` or comment openers can close it. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The page, as Grafana's index.html: boot data first (theme, public path),
 * then the host bundle, which loads the plugins. Nothing secret is written
 * here: the service token stays with the server's data proxy.
 */
export const previewPage = (boot: PreviewBoot, theme: 'light' | 'dark', favicon: string): string => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(boot.page === 'explore' ? 'Explore' : boot.dashboard.title)} · Touchpoint preview</title>
    <link rel="icon" href="${escapeHtml(favicon)}" />
    <script>
      window.grafanaBootData = ${scriptJson({ settings: { appSubUrl: '', buildInfo: { env: 'production' } }, user: { theme }, navTree: [], assets: { dark: '', light: '' } })};
      window.__grafana_public_path__ = '/public/';
      window.${PREVIEW_BOOT_GLOBAL} = ${scriptJson(boot)};
    </script>
  </head>
  <body>
    <div id="root"></div>
    <script src="/public/build/host.js"></script>
  </body>
</html>
`;
