import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { useEffect, useState } from 'react';
import { messages, testIds } from '../messages';
import { arrangeBranches } from '../model/arrangeBranches';
import type { BranchBoard } from '../model/branchBoard';
import { tileLayout } from '../model/tileLayout';
import { SliGauge } from './SliGauge';
import type { ViewProps } from './viewProps';

const GAP = 6;
const SCROLLBAR = 16;

/** Cycles 0..count-1 every `seconds` while active; 0 seconds or one item never moves. */
const useRotation = (count: number, seconds: number, active: boolean) => {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (!active || seconds <= 0 || count < 2) {
      return undefined;
    }
    const timer = setInterval(() => setIndex((current) => (current + 1) % count), seconds * 1000);
    return () => clearInterval(timer);
  }, [active, seconds, count]);
  return active && seconds > 0 && count > 1 ? index % count : undefined;
};

/** Gauges per branch, worst first by default, grouped by region when asked, rotating through regions on a wall. */
export function SliBoardView({ model, options, width, height, wall, onDrill }: ViewProps<BranchBoard>) {
  const styles = useStyles2(getStyles);
  const groups = arrangeBranches(
    model.branches,
    { sort: options.sort, groupByRegion: options.groupByRegion && model.hasRegions },
    model.metric
  );
  const rotating = useRotation(groups.length, options.rotateSeconds, wall && groups.length > 1);
  const shown = rotating === undefined ? groups : [groups[rotating]];
  const headerHeight = groups.length > 1 || rotating !== undefined ? (wall ? 40 : 24) : 0;
  const count = shown.reduce((sum, group) => sum + group.branches.length, 0);
  const boardHeight = height - headerHeight * shown.length - GAP * shown.length;
  const fitted = tileLayout(count, width - GAP, boardHeight);
  // A scrolling board loses the scrollbar's width; lay it out without it, so it never scrolls sideways too.
  const layout = fitted.scrolls ? tileLayout(count, width - GAP - SCROLLBAR, boardHeight) : fitted;
  // Whole pixels: fractional tiles blur the gauges' hairlines.
  const tile = { width: Math.floor(layout.tileWidth - GAP), height: Math.floor(layout.tileHeight - GAP) };

  return (
    <div className={styles.board} style={{ overflowY: layout.scrolls ? 'auto' : 'hidden', overflowX: 'hidden' }}>
      {shown.map((group) => (
        <section
          key={group.region ?? ''}
          data-testid={testIds.regionGroup}
          aria-label={group.region ?? messages.noRegion}
        >
          {headerHeight > 0 && (
            <h3 className={styles.region} style={{ fontSize: wall ? 26 : 14, height: headerHeight }}>
              {group.region ?? messages.noRegion} · {messages.branchesOf(group.branches.length)}
              {rotating !== undefined && (
                <span className={styles.rotation}> · {messages.regionOf(rotating + 1, groups.length)}</span>
              )}
            </h3>
          )}
          <div
            className={styles.grid}
            style={{ gridTemplateColumns: `repeat(${layout.columns}, ${tile.width}px)`, gap: GAP }}
          >
            {group.branches.map((branch) => (
              <SliGauge
                key={branch.branchId}
                branch={branch}
                metric={model.metric}
                minN={model.minN}
                width={tile.width}
                height={tile.height}
                compact={layout.compact}
                showTrend={options.showTrend}
                wall={wall}
                onSelect={(branchId) => onDrill({ kind: 'why', branchId })}
              />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  board: css({ width: '100%', height: '100%' }),
  region: css({ margin: 0, display: 'flex', alignItems: 'center', color: theme.colors.text.primary }),
  rotation: css({ color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightRegular }),
  grid: css({ display: 'grid', marginBottom: GAP }),
});
