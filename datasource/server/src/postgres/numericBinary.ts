const NUMERIC_POS = 0x0000;
const NUMERIC_NEG = 0x4000;
const NUMERIC_NAN = 0xc000;

/**
 * numeric_send: a decimal string as base-10000 digits with a weight (the
 * power of 10000 of the first digit), a sign and the display scale.
 */
export const numericBinary = (text: string): Buffer => {
  const header = (ndigits: number, weight: number, sign: number, dscale: number) => {
    const out = Buffer.alloc(8 + ndigits * 2);
    out.writeInt16BE(ndigits, 0);
    out.writeInt16BE(weight, 2);
    out.writeUInt16BE(sign, 4);
    out.writeInt16BE(dscale, 6);
    return out;
  };
  if (!/^-?\d+(\.\d*)?$/.test(text)) {
    return header(0, 0, NUMERIC_NAN, 0);
  }
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const intPart = whole.replace(/^0+/, '');
  const intPadded = intPart.padStart(Math.ceil(intPart.length / 4) * 4, '0');
  const fracPadded = fraction.padEnd(Math.ceil(fraction.length / 4) * 4, '0');
  const groups: number[] = [];
  for (let i = 0; i < intPadded.length; i += 4) {
    groups.push(Number(intPadded.slice(i, i + 4)));
  }
  for (let i = 0; i < fracPadded.length; i += 4) {
    groups.push(Number(fracPadded.slice(i, i + 4)));
  }
  let weight = intPadded.length / 4 - 1;
  let first = 0;
  while (first < groups.length && groups[first] === 0) {
    first += 1;
    weight -= 1;
  }
  let last = groups.length;
  while (last > first && groups[last - 1] === 0) {
    last -= 1;
  }
  const digits = groups.slice(first, last);
  if (digits.length === 0) {
    return header(0, 0, NUMERIC_POS, fraction.length);
  }
  const out = header(digits.length, weight, negative ? NUMERIC_NEG : NUMERIC_POS, fraction.length);
  digits.forEach((d, i) => out.writeInt16BE(d, 8 + i * 2));
  return out;
};
