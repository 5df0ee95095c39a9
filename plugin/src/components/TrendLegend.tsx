import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import type { TrendLegendItem } from './trendLegendItems';

export interface TrendLegendLook {
  fontSize: number;
  lineHeight: number;
  lineWidth: number;
  colorOf: (key: string) => string;
  dashOf: (overlayIndex: number) => string;
  barFill: string;
  background: string;
  textColor: string;
}

interface TrendLegendProps {
  items: TrendLegendItem[];
  look: TrendLegendLook;
  wall: boolean;
}

const Swatch = ({ item, look }: { item: TrendLegendItem; look: TrendLegendLook }) => {
  const width = Math.round(look.fontSize * 1.6);
  const height = Math.round(look.fontSize);
  const middle = height / 2;
  const swatch = (() => {
    switch (item.kind) {
      case 'line':
        return (
          <line
            x1={0}
            x2={width}
            y1={middle}
            y2={middle}
            stroke={look.colorOf(item.colorKey)}
            strokeWidth={look.lineWidth}
          />
        );
      case 'overlay':
        return (
          <line
            x1={0}
            x2={width}
            y1={middle}
            y2={middle}
            stroke={look.colorOf(item.colorKey)}
            strokeWidth={look.lineWidth}
            strokeDasharray={look.dashOf(item.overlayIndex)}
          />
        );
      case 'responses':
        return <rect x={width / 4} y={height * 0.2} width={width / 2} height={height * 0.8} fill={look.barFill} />;
      case 'lowN':
        return (
          <circle
            cx={width / 2}
            cy={middle}
            r={height / 3}
            fill={look.background}
            stroke={look.textColor}
            strokeWidth={look.lineWidth / 1.5}
          />
        );
    }
  })();
  return (
    <svg width={width} height={height} aria-hidden="true">
      {swatch}
    </svg>
  );
};

/** Names every series of a chart beside its line style; on a wall, also its latest value and n. */
export const TrendLegend = ({ items, look, wall }: TrendLegendProps) => {
  const styles = useStyles2(getStyles, look.fontSize, look.lineHeight);
  if (items.length === 0) {
    return null;
  }
  return (
    <ul className={styles.legend}>
      {items.map((item) => (
        <li key={item.key} className={styles.item} title={'title' in item ? item.title : undefined}>
          <Swatch item={item} look={look} />
          <span>{item.label}</span>
          {'detail' in item && item.detail ? (
            <span className={wall ? styles.wallDetail : styles.detail}>{item.detail}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
};

const getStyles = (theme: GrafanaTheme2, fontSize: number, lineHeight: number) => ({
  legend: css({
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: fontSize,
    margin: 0,
    padding: 0,
    listStyle: 'none',
    fontSize,
    lineHeight: `${lineHeight}px`,
    color: theme.colors.text.secondary,
  }),
  item: css({ display: 'inline-flex', alignItems: 'center', gap: fontSize * 0.4, whiteSpace: 'nowrap' }),
  detail: css({ color: theme.colors.text.primary }),
  wallDetail: css({ color: theme.colors.text.maxContrast, fontWeight: theme.typography.fontWeightBold }),
});
