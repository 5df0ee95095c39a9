import { messages } from '../messages';
import { decimalsNeeded } from '../model/decimalsNeeded';
import { formatMetric } from '../model/formatMetric';
import type { MetricInfo } from '../model/metricField';

interface TrendGoalProps {
  metric: MetricInfo;
  goal: number;
  y: number;
  left: number;
  right: number;
  lineWidth: number;
  color: string;
  textColor: string;
  background: string;
}

/** The goal as a dashed line with its value written at the right end, so it never depends on colour. */
export const TrendGoal = ({
  metric,
  goal,
  y,
  left,
  right,
  lineWidth,
  color,
  textColor,
  background,
}: TrendGoalProps) => (
  <g>
    <line
      x1={left}
      x2={right}
      y1={y}
      y2={y}
      stroke={color}
      strokeWidth={Math.max(1, lineWidth / 2)}
      strokeDasharray={`${lineWidth * 3} ${lineWidth * 2}`}
    />
    <text
      x={right - lineWidth * 2}
      y={y - 3}
      textAnchor="end"
      fill={textColor}
      // A background-coloured outline keeps the label legible where it crosses a line or bar.
      stroke={background}
      strokeWidth={3}
      strokeLinejoin="round"
      paintOrder="stroke"
    >
      {messages.trend.goal(formatMetric(goal, metric, decimalsNeeded(goal, metric.decimals ?? 2)))}
    </text>
  </g>
);
