import { splitWholeDays } from './splitWholeDays';

const at = (iso: string) => Date.parse(`${iso}Z`);

describe('splitWholeDays: a range as its whole UTC days and the partial days at its ends', () => {
  it('splits a moving range into its whole days and both partial ends', () => {
    expect(splitWholeDays({ from: at('2024-03-01T15:17:23.456'), to: at('2024-05-30T15:17:23.456') })).toEqual({
      whole: { from: at('2024-03-02T00:00:00'), to: at('2024-05-30T00:00:00') },
      edges: [
        { from: at('2024-03-01T15:17:23.456'), to: at('2024-03-02T00:00:00') },
        { from: at('2024-05-30T00:00:00'), to: at('2024-05-30T15:17:23.456') },
      ],
      // Where every range with these whole days has its edges: the day before and the day after.
      boundary: [
        { from: at('2024-03-01T00:00:00'), to: at('2024-03-02T00:00:00') },
        { from: at('2024-05-30T00:00:00'), to: at('2024-05-31T00:00:00') },
      ],
    });
  });

  it('has no edges for a range of whole days, and one for a range aligned at one end', () => {
    expect(splitWholeDays({ from: at('2024-03-01T00:00:00'), to: at('2024-03-08T00:00:00') })?.edges).toEqual([]);
    expect(splitWholeDays({ from: at('2024-03-01T00:00:00'), to: at('2024-03-08T00:00:01') })?.edges).toEqual([
      { from: at('2024-03-08T00:00:00'), to: at('2024-03-08T00:00:01') },
    ]);
  });

  it('has nothing to keep when no whole day fits', () => {
    expect(splitWholeDays({ from: at('2024-03-01T09:00:00'), to: at('2024-03-02T08:00:00') })).toBeUndefined();
    expect(splitWholeDays({ from: at('2024-03-01T09:00:00'), to: at('2024-03-01T10:00:00') })).toBeUndefined();
  });
});
