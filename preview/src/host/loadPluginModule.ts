/** An AMD `define` as webpack's `library: { type: 'amd' }` output calls it. */
type AmdDefine = ((deps: string[], factory: (...modules: unknown[]) => unknown) => void) & { amd: object };

declare global {
  interface Window {
    define?: AmdDefine;
  }
}

export class PluginLoadError extends Error {}

type Outcome = { module: Record<string, unknown> } | { error: PluginLoadError };

/**
 * Loads a plugin's built `module.js` the way Grafana's SystemJS loader does:
 * a script that calls `define([...deps], factory)`, its dependencies taken
 * from the packages Grafana shares, plus the `module` meta-dependency whose
 * `uri` the plugin reads to find its own assets. A dependency Grafana does
 * not share fails the load and is named, as it would fail in Grafana.
 *
 * One load at a time: `define` is a global while the script runs, and the
 * load settles only when the script has finished, so the next load cannot
 * start before this one's `define` is gone.
 */
export const loadPluginModule = (
  url: string,
  shared: Readonly<Record<string, unknown>>
): Promise<Record<string, unknown>> =>
  new Promise((resolve, reject) => {
    let outcome: Outcome | undefined;
    const define: AmdDefine = Object.assign(
      (deps: string[], factory: (...modules: unknown[]) => unknown) => {
        const missing = deps.filter((dep) => dep !== 'module' && !(dep in shared));
        if (missing.length > 0) {
          outcome = {
            error: new PluginLoadError(
              `${url} needs ${missing.join(', ')}, which Grafana does not share with plugins: bundle it into the plugin`
            ),
          };
          return;
        }
        try {
          const modules = deps.map((dep) =>
            dep === 'module' ? { uri: new URL(url, document.baseURI).href } : shared[dep]
          );
          outcome = { module: factory(...modules) as Record<string, unknown> };
        } catch (error) {
          outcome = {
            error: new PluginLoadError(
              `${url} failed while loading: ${error instanceof Error ? error.message : String(error)}`,
              { cause: error }
            ),
          };
        }
      },
      { amd: {} }
    );
    const script = document.createElement('script');
    const settle = (fallback: PluginLoadError) => {
      if (window.define === define) {
        delete window.define;
      }
      script.remove();
      const result = outcome ?? { error: fallback };
      if ('module' in result) {
        resolve(result.module);
      } else {
        reject(result.error);
      }
    };
    window.define = define;
    script.src = url;
    script.onload = () => settle(new PluginLoadError(`${url} is not an AMD module: it never called define()`));
    script.onerror = () =>
      settle(new PluginLoadError(`${url} could not be fetched: is the plugin built (npm run build)?`));
    document.head.appendChild(script);
  });
