import { urlUtil } from '@grafana/data';
import { isWallMode } from './isWallMode';

/** The URL's query as Grafana's locationService parses it. */
const query = (search: string) => urlUtil.parseKeyValue(search);

describe('isWallMode', () => {
  it('follows Grafana 13’s kiosk mode when set to auto: kiosk, kiosk=true and kiosk=1', () => {
    expect(isWallMode('auto', query('kiosk'))).toBe(true);
    expect(isWallMode('auto', query('kiosk=true'))).toBe(true);
    expect(isWallMode('auto', query('kiosk=1'))).toBe(true);
  });

  it('is no wall for kiosk values Grafana 13 ignores, nor without kiosk', () => {
    expect(isWallMode('auto', query('kiosk=tv'))).toBe(false);
    expect(isWallMode('auto', query('kiosk='))).toBe(false);
    expect(isWallMode('auto', query('kiosk=false'))).toBe(false);
    expect(isWallMode('auto', query('orgId=1'))).toBe(false);
  });

  it('is always on or always off when told', () => {
    expect(isWallMode('on', {})).toBe(true);
    expect(isWallMode('off', query('kiosk=1'))).toBe(false);
  });
});
