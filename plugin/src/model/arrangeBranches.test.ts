import { arrangeBranches, sortBranches } from './arrangeBranches';
import type { BranchScore } from './branchBoard';

const branch = (branchId: string, value: number | null, region?: string, name = branchId): BranchScore => ({
  branchId,
  name,
  region,
  value,
  n: 100,
  lowConfidence: false,
  trend: [],
});
const ids = (branches: BranchScore[]) => branches.map((b) => b.branchId);

const branches = [
  branch('BR010', 20, 'South'),
  branch('BR002', -40, 'North'),
  branch('BR003', null, 'North'),
  branch('BR001', 20),
  branch('BR004', 75, 'South'),
];
const higherIsBetter = { direction: 'higher_is_better' as const };

describe('sortBranches', () => {
  it('puts the worst first by default, ties by name, branches without a value last', () => {
    expect(ids(sortBranches(branches, 'worst', higherIsBetter))).toEqual(['BR002', 'BR001', 'BR010', 'BR004', 'BR003']);
  });

  it('puts the best first, still with no value last', () => {
    expect(ids(sortBranches(branches, 'best', higherIsBetter))).toEqual(['BR004', 'BR001', 'BR010', 'BR002', 'BR003']);
  });

  it('treats the highest value as worst when lower is better (churn)', () => {
    expect(ids(sortBranches(branches, 'worst', { direction: 'lower_is_better' }))).toEqual([
      'BR004',
      'BR001',
      'BR010',
      'BR002',
      'BR003',
    ]);
  });

  it('sorts names as people read them: BR2 before BR10', () => {
    expect(ids(sortBranches([branch('BR10', 1), branch('BR2', 1)], 'name', higherIsBetter))).toEqual(['BR2', 'BR10']);
  });

  it('sorts by the branch’s name, not its id, when the frames name it', () => {
    const named = [branch('BR001', 1, undefined, 'Quay Road'), branch('BR002', 1, undefined, 'Harbour Street')];
    expect(ids(sortBranches(named, 'name', higherIsBetter))).toEqual(['BR002', 'BR001']);
  });
});

describe('arrangeBranches', () => {
  it('groups by region, regions by name and branches without one last, each group still worst first', () => {
    const groups = arrangeBranches(branches, { sort: 'worst', groupByRegion: true }, higherIsBetter);
    expect(groups.map((g) => [g.region, ids(g.branches)])).toEqual([
      ['North', ['BR002', 'BR003']],
      ['South', ['BR010', 'BR004']],
      [undefined, ['BR001']],
    ]);
  });

  it('keeps one group when not grouping', () => {
    expect(arrangeBranches(branches, { sort: 'name', groupByRegion: false }, higherIsBetter)).toHaveLength(1);
  });
});
