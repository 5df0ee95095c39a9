import type { Monaco, MonacoEditor, monacoTypes } from '@grafana/ui';
import { sqlCompletions, type CompletionContext, type CompletionKind } from './sqlCompletions';

const kindOf = (monaco: Monaco, kind: CompletionKind): monacoTypes.languages.CompletionItemKind => {
  const kinds = monaco.languages.CompletionItemKind;
  return {
    table: kinds.Class,
    column: kinds.Field,
    metric: kinds.Function,
    macro: kinds.Snippet,
    variable: kinds.Variable,
    keyword: kinds.Keyword,
  }[kind];
};

/**
 * Wires one SQL editor: context-aware completion from the catalog, and
 * Ctrl/Cmd+Enter to run. Monaco's providers are global per language, so the
 * provider answers only for this editor's model and is disposed with it.
 */
export const registerSqlEditor = (
  editor: MonacoEditor,
  monaco: Monaco,
  context: () => CompletionContext | undefined,
  onRun: (sql: string) => void
): void => {
  const provider = monaco.languages.registerCompletionItemProvider('sql', {
    triggerCharacters: ['.', '$', '(', ' '],
    provideCompletionItems: (model, position) => {
      const current = context();
      if (!current || model.uri.toString() !== editor.getModel()?.uri.toString()) {
        return { suggestions: [] };
      }
      // Monaco's words stop at `$`; macros and variables replace it too.
      const line = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const token = /\$?\w*$/.exec(line)?.[0] ?? '';
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: position.column - token.length,
        endColumn: position.column,
      };
      const suggestions = sqlCompletions(model.getValue(), model.getOffsetAt(position), current).map((item, index) => ({
        label: item.label,
        kind: kindOf(monaco, item.kind),
        insertText: item.insertText,
        insertTextRules:
          item.kind === 'macro' ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
        detail: item.detail,
        documentation: item.documentation,
        // Keep the order sqlCompletions chose: most relevant first.
        sortText: String(index).padStart(5, '0'),
        range,
      }));
      return { suggestions };
    },
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => onRun(editor.getValue()));
  editor.onDidDispose(() => provider.dispose());
};
