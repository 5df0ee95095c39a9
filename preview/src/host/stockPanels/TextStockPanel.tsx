import { css, cx } from '@emotion/css';
import { renderTextPanelMarkdown, textUtil, type GrafanaTheme2, type PanelProps } from '@grafana/data';
import { ScrollContainer, useStyles2 } from '@grafana/ui';
import { useMemo } from 'react';
import type { TextOptions } from './textOptions';

/**
 * Grafana's text panel as its TextPanel renders it: the content with the
 * dashboard's variables replaced, then Grafana's markdown renderer (or its
 * HTML sanitizer), in a scroll container; code mode shows the text as
 * written (Grafana shows it in its code editor).
 */
export function TextStockPanel({ options, replaceVariables }: PanelProps<TextOptions>) {
  const styles = useStyles2(getStyles);
  const content = useMemo(() => {
    // Variables first, so a variable inside a link's URL works, as in Grafana.
    const text = replaceVariables(options.content, {}, options.code.language === 'json' ? 'json' : 'html');
    if (options.mode === 'code') {
      return text;
    }
    return options.mode === 'html' ? textUtil.sanitizeTextPanelContent(text) : renderTextPanelMarkdown(text);
  }, [options, replaceVariables]);

  if (options.mode === 'code') {
    return (
      <ScrollContainer minHeight="100%">
        <pre className={styles.code}>{content}</pre>
      </ScrollContainer>
    );
  }
  return (
    <div className={styles.contain}>
      <ScrollContainer minHeight="100%">
        {/* Grafana's own renderer sanitizes what it returns, as the text panel relies on. */}
        <div className={cx('markdown-html', styles.markdown)} dangerouslySetInnerHTML={{ __html: content }} />
      </ScrollContainer>
    </div>
  );
}

/**
 * Grafana styles `.markdown-html` in its global styles, which the preview
 * does not load (they fetch Grafana's fonts): the same rules, from the theme.
 */
const getStyles = (theme: GrafanaTheme2) => ({
  contain: css({ contain: 'strict', height: '100%', display: 'flex' }),
  code: css({ margin: 0, fontFamily: theme.typography.fontFamilyMonospace, whiteSpace: 'pre-wrap' }),
  markdown: css({
    height: '100%',
    'h1, h2, h3, h4, h5, h6': { margin: theme.spacing(2, 0, 1), lineHeight: theme.typography.h4.lineHeight },
    ...Object.fromEntries(
      (['h1', 'h2', 'h3', 'h4'] as const).map((tag) => [
        tag,
        { fontSize: theme.typography[tag].fontSize, fontWeight: theme.typography[tag].fontWeight },
      ])
    ),
    p: { margin: theme.spacing(0, 0, 2) },
    'ul, ol': { paddingLeft: theme.spacing(3), margin: theme.spacing(0, 0, 2) },
    li: { marginBottom: theme.spacing(0.5) },
    a: { color: theme.colors.text.link },
    code: {
      fontFamily: theme.typography.fontFamilyMonospace,
      fontSize: theme.typography.bodySmall.fontSize,
      padding: theme.spacing(0.25, 0.5),
      borderRadius: theme.shape.radius.default,
      background: theme.colors.background.secondary,
      border: `1px solid ${theme.colors.border.weak}`,
    },
    'pre code': { display: 'block', padding: theme.spacing(1) },
    table: { borderCollapse: 'collapse', marginBottom: theme.spacing(2) },
    'th, td': { border: `1px solid ${theme.colors.border.medium}`, padding: theme.spacing(0.5, 1) },
  }),
});
