import { textWidth } from './textWidth';

describe('textWidth', () => {
  it('grows with the characters and the font size', () => {
    expect(textWidth('82.1%', 10)).toBe(30);
    expect(textWidth('82.1%', 20)).toBe(60);
    expect(textWidth('', 12)).toBe(0);
  });
});
