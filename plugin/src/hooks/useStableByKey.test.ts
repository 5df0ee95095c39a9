import { renderHook } from '@testing-library/react';
import { useStableByKey } from './useStableByKey';

describe('useStableByKey', () => {
  it('keeps the first value while the key stays, and takes the new one when the key changes', () => {
    const first = { range: [1, 2] };
    const { result, rerender } = renderHook(({ key, value }) => useStableByKey(key, value), {
      initialProps: { key: 'a', value: first },
    });
    rerender({ key: 'a', value: { range: [1, 2] } });
    expect(result.current).toBe(first);
    const next = { range: [3, 4] };
    rerender({ key: 'b', value: next });
    expect(result.current).toBe(next);
    rerender({ key: 'b', value: { range: [3, 4] } });
    expect(result.current).toBe(next);
  });
});
