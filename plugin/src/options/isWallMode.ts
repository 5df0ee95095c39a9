import type { UrlQueryMap } from '@grafana/data';
import type { WallMode } from './scorecardOptions';

/** Grafana's kiosk mode is `?kiosk` in the URL (any value: `kiosk`, `kiosk=1`, `kiosk=tv`). */
export const isWallMode = (mode: WallMode, search: UrlQueryMap): boolean =>
  mode === 'on' || (mode === 'auto' && 'kiosk' in search && search.kiosk !== false);
