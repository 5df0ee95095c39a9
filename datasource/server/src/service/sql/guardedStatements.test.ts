import { memoryConnection } from '../../testing/memoryConnection';
import { GuardedStatements } from './guardedStatements';

describe('GuardedStatements', () => {
  const connected = memoryConnection();

  it('parses a statement once, whatever the values in its quotes', async () => {
    const guarded = new GuardedStatements<string>();
    const parses: string[] = [];
    const derive = (parsed: unknown) => {
      parses.push(JSON.stringify(parsed));
      return 'derived';
    };
    const at = (day: string) => `select count(*) from range(3) where timestamp '${day}' < now()`;
    await expect(guarded.check(connected(), at('2026-01-01'), derive)).resolves.toMatchObject({ value: 'derived' });
    await expect(guarded.check(connected(), at('2026-01-02'), derive)).resolves.toMatchObject({ value: 'derived' });
    expect(parses).toHaveLength(1);
    // A different statement is parsed on its own.
    await guarded.check(connected(), 'select 2', derive);
    expect(parses).toHaveLength(2);
  });

  it('keeps no refusal: a refused statement is refused every time, and a statement it resembles still passes', async () => {
    const guarded = new GuardedStatements<void>();
    const refused = "select 'a'; select 'b'";
    await expect(guarded.check(connected(), refused, () => undefined)).rejects.toMatchObject({
      code: 'forbidden_statement',
    });
    await expect(guarded.check(connected(), refused, () => undefined)).rejects.toMatchObject({
      code: 'forbidden_statement',
    });
    await expect(guarded.check(connected(), "select ';'", () => undefined)).resolves.toBeDefined();
    // Text hidden in a literal does not make another statement pass for it: its key differs.
    await expect(guarded.check(connected(), "select ''; select 1", () => undefined)).rejects.toMatchObject({
      code: 'forbidden_statement',
    });
  });

  it('keeps nothing when deriving throws, and forgets the oldest past its limit', async () => {
    const guarded = new GuardedStatements<number>(2);
    await expect(
      guarded.check(connected(), 'select 1', () => {
        throw new Error('no');
      })
    ).rejects.toThrow('no');
    expect(guarded.get('select 1')).toBeUndefined();
    await guarded.check(connected(), 'select 1', () => 1);
    await guarded.check(connected(), 'select 2', () => 2);
    await guarded.check(connected(), 'select 3', () => 3);
    expect([guarded.has('select 1'), guarded.has('select 2'), guarded.has('select 3')]).toEqual([false, true, true]);
  });
});
