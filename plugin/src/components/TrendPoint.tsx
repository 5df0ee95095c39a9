import type { KeyboardEvent } from 'react';

interface TrendPointProps {
  x: number;
  y: number;
  radius: number;
  color: string;
  /** Fill for a low-confidence point: hollow, so it reads as "do not trust" without relying on colour. */
  hollowFill?: string;
  strokeWidth: number;
  /** What a screen reader announces, including what activating it does. */
  label: string;
  /** What a mouse hover shows. */
  title: string;
  className: string;
  onActivate: () => void;
}

/** One bucket of an interaction series: hover shows value and n, click or Enter/Space drills into that day. */
export const TrendPoint = ({
  x,
  y,
  radius,
  color,
  hollowFill,
  strokeWidth,
  label,
  title,
  className,
  onActivate,
}: TrendPointProps) => {
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      // Space would otherwise scroll the dashboard.
      event.preventDefault();
      onActivate();
    }
  };
  return (
    <g role="button" tabIndex={0} aria-label={label} className={className} onClick={onActivate} onKeyDown={onKeyDown}>
      <title>{title}</title>
      {/* A target larger than the dot, so small points stay easy to hit. */}
      <circle cx={x} cy={y} r={Math.max(radius * 2.5, 8)} fill="transparent" />
      <circle cx={x} cy={y} r={radius} fill={hollowFill ?? color} stroke={color} strokeWidth={strokeWidth} />
    </g>
  );
};
