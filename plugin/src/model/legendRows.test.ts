import { legendRows } from './legendRows';

describe('legendRows', () => {
  it('wraps entries onto as many rows as the width needs', () => {
    // each entry at 10px: 6px a character plus 25px of swatch and gap
    expect(legendRows(['CSAT'], 300, 10)).toBe(1); // 49px
    expect(legendRows(['BR001', 'BR002', 'BR003'], 120, 10)).toBe(2); // 55px each: two fit in 120
    expect(legendRows(['BR001', 'BR002', 'BR003'], 109, 10)).toBe(3);
    expect(legendRows([], 300, 10)).toBe(0);
  });
});
