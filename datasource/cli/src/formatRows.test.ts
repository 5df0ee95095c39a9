import { formatRows, type ResultTable } from './formatRows';

const result: ResultTable = {
  columns: ['branch', 'sli', 'note'],
  rows: [
    ['Harbour Street', 67.4, 'fine'],
    ['Mill Lane', -12.5, 'says "slow", often'],
    ['Quay', null, null],
  ],
};

describe('formatRows', () => {
  it('aligns a table, numbers to the right, and counts the rows', () => {
    expect(formatRows(result, 'table')).toBe(
      [
        'branch            sli  note',
        '--------------  -----  ------------------',
        'Harbour Street   67.4  fine',
        'Mill Lane       -12.5  says "slow", often',
        'Quay             NULL  NULL',
        '(3 rows)',
      ].join('\n')
    );
  });

  it('quotes CSV cells with commas or quotes and leaves nulls empty', () => {
    expect(formatRows(result, 'csv')).toBe(
      ['branch,sli,note', 'Harbour Street,67.4,fine', 'Mill Lane,-12.5,"says ""slow"", often"', 'Quay,,'].join('\n')
    );
  });

  it('writes JSON objects keyed by column, keeping numbers and nulls typed', () => {
    expect(JSON.parse(formatRows(result, 'json'))).toEqual([
      { branch: 'Harbour Street', sli: 67.4, note: 'fine' },
      { branch: 'Mill Lane', sli: -12.5, note: 'says "slow", often' },
      { branch: 'Quay', sli: null, note: null },
    ]);
  });
});
