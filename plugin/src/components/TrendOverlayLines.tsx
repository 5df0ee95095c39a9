import { messages } from '../messages';
import { formatMetric } from '../model/formatMetric';
import { linePath } from '../model/linePath';
import type { TrendSeries } from '../model/trendCharts';
import { utcDay } from '../model/utcDay';
import type { TrendLegendLook } from './TrendLegend';
import { overlayColorKey, seriesName } from './trendLegendItems';

interface TrendOverlayLinesProps {
  overlays: TrendSeries[];
  x: (time: number) => number;
  /** The right axis. */
  y: (value: number) => number;
  look: TrendLegendLook;
  pointRadius: number;
}

/**
 * Relationship series on the right axis: always dashed, so they never pass
 * for one of the chart's interaction lines, with markers that show value
 * and n on hover. They do not drill: a relationship score has no day's contacts.
 */
export const TrendOverlayLines = ({ overlays, x, y, look, pointRadius }: TrendOverlayLinesProps) => (
  <g>
    {overlays.map((overlay, overlayIndex) =>
      overlay.lines.map((line) => {
        const color = look.colorOf(overlayColorKey(overlay, line));
        const name = messages.trend.overlayLine(seriesName(overlay.metric, line));
        return (
          <g key={line.key}>
            <path
              d={linePath(line.points, x, y)}
              fill="none"
              stroke={color}
              strokeWidth={look.lineWidth}
              strokeDasharray={look.dashOf(overlayIndex)}
            />
            {line.points.map((point) =>
              point.value === null ? null : (
                <circle
                  key={point.time}
                  cx={x(point.time)}
                  cy={y(point.value)}
                  r={pointRadius * 0.8}
                  fill={point.lowConfidence ? look.background : color}
                  stroke={color}
                  strokeWidth={look.lineWidth / 2}
                >
                  <title>
                    {messages.trend.pointTitle(
                      name,
                      formatMetric(point.value, overlay.metric),
                      utcDay(point.time),
                      point.n,
                      point.lowConfidence
                    )}
                  </title>
                </circle>
              )
            )}
          </g>
        );
      })
    )}
  </g>
);
