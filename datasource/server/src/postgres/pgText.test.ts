import { numericBinary } from './numericBinary';
import { pgArray, pgBytea, pgFloat, pgInterval, pgTime } from './pgText';

// Expected strings are PostgreSQL 15's own output (float8out, interval_out, array_out, numeric_send).
describe('PostgreSQL text output', () => {
  it.each([
    [0.1, '0.1'],
    [1, '1'],
    [-2.5, '-2.5'],
    [1e15, '1e+15'],
    [123456789012345.6, '123456789012345.6'],
    [1.2345678901234568e17, '1.2345678901234568e+17'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1e-300, '1e-300'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [-0, '-0'],
  ])('float8 %p is %s', (value, text) => {
    expect(pgFloat(value)).toBe(text);
  });

  it.each([
    [14, 3, 14_706_700_000n, '1 year 2 mons 3 days 04:05:06.7'],
    [0, 0, 0n, '00:00:00'],
    [1, 1, 0n, '1 mon 1 day'],
    [-12, 0, 0n, '-1 years'],
    [0, -1, 3_600_000_000n, '-1 days +01:00:00'],
    [0, 0, -90_000_000n, '-00:01:30'],
    [0, 0, 1n, '00:00:00.000001'],
    [0, 40, 0n, '40 days'],
  ])('interval of %p months, %p days, %p µs is %s', (months, days, micros, text) => {
    expect(pgInterval(months, days, micros)).toBe(text);
  });

  it('writes time, bytea and arrays as PostgreSQL does', () => {
    expect(pgTime(3_723_500_000n)).toBe('01:02:03.5');
    expect(pgBytea(new Uint8Array([0xde, 0xad]))).toBe('\\xdead');
    expect(pgArray(['1', '2', null])).toBe('{1,2,NULL}');
    expect(pgArray(['a b', 'x"y', 'NULL', '', 'back\\slash', 'a,b', '{c}'])).toBe(
      '{"a b","x\\"y","NULL","","back\\\\slash","a,b","{c}"}'
    );
    expect(pgArray([])).toBe('{}');
  });
});

describe('numeric binary format (numeric_send)', () => {
  const read = (buffer: Buffer) => ({
    ndigits: buffer.readInt16BE(0),
    weight: buffer.readInt16BE(2),
    sign: buffer.readUInt16BE(4),
    dscale: buffer.readInt16BE(6),
    digits: Array.from({ length: buffer.readInt16BE(0) }, (_, i) => buffer.readInt16BE(8 + i * 2)),
  });

  it.each([
    ['1.50', { ndigits: 2, weight: 0, sign: 0, dscale: 2, digits: [1, 5000] }],
    ['12345678901234567890', { ndigits: 5, weight: 4, sign: 0, dscale: 0, digits: [1234, 5678, 9012, 3456, 7890] }],
    ['-0.0001', { ndigits: 1, weight: -1, sign: 0x4000, dscale: 4, digits: [1] }],
    ['0.00', { ndigits: 0, weight: 0, sign: 0, dscale: 2, digits: [] }],
    ['10000', { ndigits: 1, weight: 1, sign: 0, dscale: 0, digits: [1] }],
    ['123456789.987654321', { ndigits: 6, weight: 2, sign: 0, dscale: 9, digits: [1, 2345, 6789, 9876, 5432, 1000] }],
    ['NaN', { ndigits: 0, weight: 0, sign: 0xc000, dscale: 0, digits: [] }],
  ])('%s', (text, expected) => {
    expect(read(numericBinary(text))).toEqual(expected);
  });
});
