import { memoryConnection } from '../testing/memoryConnection';
import { displayValueConverter, plainValueConverter } from './plainValue';

describe('DuckDB values, converted in one table by type', () => {
  const connected = memoryConnection();

  const row = async (sql: string, converter = plainValueConverter) =>
    (await connected().runAndReadAll(sql)).convertRowObjects(converter)[0];

  it('gives JSON numbers, epoch milliseconds, arrays and objects', async () => {
    expect(
      await row(`select 42::bigint as big, 7::hugeint as huge, 2.50::decimal(18, 2) as money, 0.5::double as ratio,
                 'nan'::double as nan, true as yes, 'B1' as id, null::integer as nothing,
                 timestamp '2024-05-01 09:30:00.250' as at, timestamptz '2024-05-01 09:30:00+00' as at_tz,
                 date '2024-05-01' as day, [1, 2] as list, {'a': 1, 'b': 'x'} as struct, interval 3 day as gap`)
    ).toEqual({
      big: 42,
      huge: 7,
      money: 2.5,
      ratio: 0.5,
      nan: null,
      yes: true,
      id: 'B1',
      nothing: null,
      at: Date.parse('2024-05-01T09:30:00.250Z'),
      at_tz: Date.parse('2024-05-01T09:30:00Z'),
      day: Date.parse('2024-05-01T00:00:00Z'),
      list: [1, 2],
      struct: { a: 1, b: 'x' },
      gap: '3 days',
    });
  });

  it('shows times as DuckDB writes them to a person, and the rest alike', async () => {
    expect(
      await row(
        `select timestamp '2024-05-01 09:30:00' as at, date '2024-05-01' as day, 3::bigint as n`,
        displayValueConverter
      )
    ).toEqual({ at: '2024-05-01 09:30:00', day: '2024-05-01', n: 3 });
  });
});
