// @monaco-editor/react mounts Monaco, which jsdom cannot run (see
// monaco-editor.js). In jsdom, Grafana's CodeEditor renders this read-only
// text area instead, so tests can see what the editor holds; typing,
// completion and key bindings can only be tested in a browser.
export const loader = { config: () => undefined, init: () => Promise.resolve(undefined) };

export default function Editor({ value }: { value?: string }) {
  return <textarea aria-label="code editor" readOnly value={value ?? ''} />;
}
