import { KeyIndex } from './keyIndex';

describe('KeyIndex: keys of a few columns to numbers', () => {
  const of = (values: unknown[]) => (c: number) => values[c] as string | number | null;

  it('finds a key by every column, and tells null from text and numbers from their digits', () => {
    const index = new KeyIndex();
    index.add(2, of(['B1', 'app']), 0);
    index.add(2, of(['B1', null]), 1);
    index.add(2, of([1, 'app']), 2);
    expect(index.find(2, of(['B1', 'app']))).toBe(0);
    expect(index.find(2, of(['B1', null]))).toBe(1);
    expect(index.find(2, of(['B1', 'null']))).toBe(-1);
    expect(index.find(2, of([1, 'app']))).toBe(2);
    expect(index.find(2, of(['1', 'app']))).toBe(-1);
    expect(index.find(2, of(['B2', 'app']))).toBe(-1);
  });

  it('keeps the one key of no columns', () => {
    const index = new KeyIndex();
    expect(index.find(0, of([]))).toBe(-1);
    index.add(0, of([]), 7);
    expect(index.find(0, of([]))).toBe(7);
  });
});
