import type { DashboardVariable } from './dashboardModel';
import { ALL_VALUE, variableSelection } from './variableSelection';

const branch = (more: Partial<DashboardVariable> = {}): DashboardVariable => ({
  name: 'branch',
  type: 'query',
  query: { kind: 'branches' },
  multi: true,
  includeAll: true,
  current: {},
  ...more,
});
const offered = ['BR001', 'BR002', 'BR003'];

describe('variableSelection', () => {
  it('takes the URL values that are still offered', () => {
    expect(variableSelection(branch(), ['BR002', 'BR009'], offered)).toEqual(['BR002']);
  });

  it('falls back to the saved value, then All, when the URL names nothing offered', () => {
    expect(variableSelection(branch({ current: { value: ['BR003'] } }), ['BR009'], offered)).toEqual(['BR003']);
    expect(variableSelection(branch(), [], offered)).toBe(ALL_VALUE);
  });

  it('keeps All from the URL only when the variable offers it', () => {
    expect(variableSelection(branch(), [ALL_VALUE], offered)).toBe(ALL_VALUE);
    expect(variableSelection(branch({ includeAll: false, multi: false }), [ALL_VALUE], offered)).toBe('BR001');
  });

  it('gives one value, not a list, for a single-value variable', () => {
    expect(variableSelection(branch({ multi: false, includeAll: false }), ['BR002', 'BR003'], offered)).toBe('BR002');
  });

  it('selects nothing when nothing is offered', () => {
    expect(variableSelection(branch({ includeAll: false, multi: false }), [], [])).toBe('');
  });
});
