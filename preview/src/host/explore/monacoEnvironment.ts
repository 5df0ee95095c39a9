/**
 * Where Monaco finds its editor worker, as Grafana's app tells it at start.
 * Without it, Monaco (which @grafana/ui's CodeEditor draws) runs the
 * worker's code on the page's thread and warns that typing may freeze.
 * Webpack bundles the worker from this URL into a chunk of its own.
 */
export const setMonacoEnvironment = (): void => {
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker: () => new Worker(new URL('monaco-editor/esm/vs/editor/editor.worker.js', import.meta.url)),
  };
};
