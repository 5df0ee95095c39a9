import { isWallMode } from './isWallMode';

describe('isWallMode', () => {
  it('follows Grafana’s kiosk mode when set to auto', () => {
    expect(isWallMode('auto', { kiosk: '' })).toBe(true);
    expect(isWallMode('auto', { kiosk: 'tv' })).toBe(true);
    expect(isWallMode('auto', { orgId: '1' })).toBe(false);
  });

  it('is always on or always off when told', () => {
    expect(isWallMode('on', {})).toBe(true);
    expect(isWallMode('off', { kiosk: '1' })).toBe(false);
  });
});
