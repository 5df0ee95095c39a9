import type { UrlQueryMap } from '@grafana/data';
import type { WallMode } from './scorecardOptions';

/**
 * Grafana 13's kiosk mode, as its chrome reads the URL (AppChromeService.setKioskModeFromUrl):
 * `?kiosk` and `?kiosk=true` (parsed to `true`) or `?kiosk=1`; `kiosk=tv` is gone, so it is no wall.
 */
export const isKiosk = (search: UrlQueryMap): boolean => search.kiosk === true || search.kiosk === '1';

/** Wall layout: always, never, or (`auto`) whenever Grafana is in kiosk mode. */
export const isWallMode = (mode: WallMode, search: UrlQueryMap): boolean =>
  mode === 'on' || (mode === 'auto' && isKiosk(search));
