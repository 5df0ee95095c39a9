import { querySchema } from '@touchpoint/contract/src/queryRequest';
import { toServiceQuery } from '@touchpoint/duckdb-datasource/src/query/toServiceQuery';
import { whyQueries, whyRefId } from '@touchpoint/scorecard-panel/src/drill/whyQueries';
import { stepQueries } from '@touchpoint/scorecard-panel/src/drill/stepQueries';
import { readWhyBoard, sliGap } from '@touchpoint/scorecard-panel/src/model/whyBoard';
import { whyFrames } from '../support/whyFrames';

describe('whyQueries', () => {
  it('asks, in one request, the branch’s SLI per touchpoint and service metrics, each beside the company’s', () => {
    const queries = stepQueries({ kind: 'why', branchId: 'BR002' }, {});
    expect(queries).toEqual(whyQueries('BR002'));
    expect(queries.map((query) => query.refId)).toEqual([
      'branch:sli',
      'branch:csat',
      'branch:ces_mean',
      'branch:frt_median',
      'branch:resolution_median',
      'branch:fcr',
      'company:sli',
      'company:csat',
      'company:ces_mean',
      'company:frt_median',
      'company:resolution_median',
      'company:fcr',
    ]);
    const sent = queries.map((query) => querySchema.parse(toServiceQuery(query, { resolve: () => undefined })));
    expect(sent[0]).toMatchObject({
      metric: 'sli',
      groupBy: ['touchpoint', 'branch_id'],
      filters: { branch_id: ['BR002'] },
    });
    expect(sent[6]).toMatchObject({ metric: 'sli', groupBy: ['touchpoint'], filters: {} });
    expect(sent.every((query) => query.kind === 'metric' && query.interval === undefined)).toBe(true);
  });
});

describe('readWhyBoard', () => {
  const board = readWhyBoard(whyFrames);

  it('sets each touchpoint’s SLI beside the company’s, worst gap first, one only the company has last', () => {
    expect(board.touchpoints.map((row) => [row.touchpoint, row.branch?.value, row.company?.value])).toEqual([
      ['app', -10, 12],
      ['kiosk', 20, 25],
      ['web', 40, 30],
      ['sms', undefined, 5],
    ]);
    expect(board.touchpoints.map(sliGap)).toEqual([-22, -5, 10, null]);
    expect(board.sli?.label).toBe('SLI');
  });

  it('reads each service metric at the branch and the company with its n, and marks a low n', () => {
    expect(board.service.map((row) => row.info.metric)).toEqual(['csat', 'fcr']);
    expect(board.service[0]).toMatchObject({
      branch: { value: 71.5, n: 240, lowConfidence: false },
      company: { value: 80.2, n: 5000, lowConfidence: false },
    });
    expect(board.service[1].branch).toEqual({ value: 50, n: 12, lowConfidence: true });
  });

  it('shows nothing it was not sent', () => {
    expect(readWhyBoard([])).toEqual({ sli: undefined, touchpoints: [], service: [], minN: undefined });
    expect(whyRefId('company', 'csat')).toBe('company:csat');
  });
});
