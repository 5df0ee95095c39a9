import { act, renderHook } from '@testing-library/react';
import { useNow } from './useNow';

describe('useNow', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: Date.parse('2026-11-30T09:00:00Z') });
  });
  afterEach(() => jest.useRealTimers());

  it('renews the time on its interval, so an age on a wall screen stays true', () => {
    const { result, unmount } = renderHook(() => useNow(60_000));
    expect(result.current).toBe(Date.parse('2026-11-30T09:00:00Z'));
    act(() => {
      jest.advanceTimersByTime(60_000);
    });
    expect(result.current).toBe(Date.parse('2026-11-30T09:01:00Z'));
    unmount();
    expect(jest.getTimerCount()).toBe(0);
  });
});
