import { FIXTURE_AS_OF } from '../support/serviceFrames';
import { company, journeyFrameFor, journeyFrames, selection } from '../support/journeyFrames';
import {
  describeJourneyRow,
  journeyCells,
  liftDomain,
  parseJourneyOrder,
  readJourneyBoard,
  sortJourney,
} from '@touchpoint/scorecard-panel/src/model/journeyBoard';
import { messages } from '@touchpoint/scorecard-panel/src/messages';
import { modelFrom } from '../support/modelFrom';

const boardOf = (frames = journeyFrames) => modelFrom(readJourneyBoard(frames));

describe('readJourneyBoard', () => {
  it('reads one row per touchpoint of the selection, with the company’s SLI at the same touchpoint beside it', () => {
    const board = boardOf();
    expect(board).toMatchObject({ hasCompany: true, minN: 30, asOf: FIXTURE_AS_OF });
    expect(board.rows.map((row) => [row.touchpoint, row.modelOrder, row.sli, row.companySli])).toEqual([
      ['kiosk', 1, 22.5, 30],
      ['app', 2, -8, 12.5],
      ['web', 3, 35, 28],
    ]);
    expect(board.rows[1]).toMatchObject({
      key: 'app',
      ratings: 400,
      negativeRatings: 60,
      negativeShare: 15,
      exposedN: 40,
      otherN: 300,
      churnAfterNegative: 40,
      churnAfterOther: 10,
      lift: { value: 30, low: 14.2, high: 45.6 },
      customersAtRisk: 12,
      incompleteCustomers: 0,
      exposedLow: false,
      otherLow: false,
    });
  });

  it('marks each n under the model’s minimum and keeps the row', () => {
    const [kiosk, app, web] = boardOf().rows;
    expect([kiosk.exposedLow, kiosk.otherLow]).toEqual([true, false]);
    expect([app.exposedLow, web.exposedLow]).toEqual([false, false]);
    expect(web.incompleteCustomers).toBe(7);
  });

  it('draws without the company query, and names the query it needs when the selection’s is missing', () => {
    const alone = boardOf([selection]);
    expect(alone.hasCompany).toBe(false);
    expect(alone.rows[0]).not.toHaveProperty('companySli');
    expect(readJourneyBoard([company])).toEqual({ problem: messages.journey.needsQuery });
    expect(readJourneyBoard([])).toEqual({ problem: messages.journey.needsQuery });
  });

  it('keys a row grouped by branch by its touchpoint and branch, named', () => {
    const grouped = journeyFrameFor(
      [{ ...boardRowCounts, touchpoint: 'app', branch_id: 'BR002', branch_name: 'Mill Lane' }],
      'A'
    );
    const [row] = boardOf([grouped]).rows;
    expect(row).toMatchObject({ key: 'app/BR002', branchId: 'BR002', branchName: 'Mill Lane' });
  });
});

const boardRowCounts = {
  touchpoint_order: 2,
  ratings: 10,
  negative_ratings: 1,
  negative_share: 10,
  sli: 5,
  exposed_n: 1,
  exposed_churned: 0,
  other_n: 5,
  other_churned: 1,
  churn_after_negative: 0,
  churn_after_other: 20,
  churn_lift: -20,
  churn_lift_low: -60,
  churn_lift_high: 50,
  customers_at_risk: 0,
  incomplete_customers: 0,
};

describe('sortJourney', () => {
  const rows = boardOf().rows;
  const touchpoints = (sorted: typeof rows) => sorted.map((row) => row.touchpoint);

  it('puts most customers at risk first', () => {
    expect(touchpoints(sortJourney(rows, 'risk', []))).toEqual(['app', 'kiosk', 'web']);
  });

  it('follows the model’s touchpoint order, or the option’s touchpoints first', () => {
    expect(touchpoints(sortJourney([...rows].reverse(), 'journey', []))).toEqual(['kiosk', 'app', 'web']);
    expect(touchpoints(sortJourney(rows, 'journey', parseJourneyOrder(' web, app ,,')))).toEqual([
      'web',
      'app',
      'kiosk',
    ]);
  });

  it('puts a row without a lift after every row with one', () => {
    const none = { ...rows[0], touchpoint: 'sms', modelOrder: 0, customersAtRisk: null, lift: null };
    expect(touchpoints(sortJourney([none, ...rows], 'risk', []))).toEqual(['app', 'kiosk', 'web', 'sms']);
  });
});

describe('journey cells and words', () => {
  const [kiosk, app, web] = boardOf().rows;

  it('writes shares, the lift with its sign and interval, and whole customers at risk', () => {
    expect(journeyCells(app)).toEqual({
      negativeShare: '15.0%',
      churnAfterNegative: '40.0%',
      churnAfterOther: '10.0%',
      lift: '+30.0 pp',
      interval: '+14.2 pp to +45.6 pp',
      atRisk: '12',
    });
    expect(journeyCells(web)).toMatchObject({ lift: '−1.6 pp', atRisk: '0' });
  });

  it('puts one domain holding zero around every interval', () => {
    expect(liftDomain([kiosk, app, web])).toEqual([-12.3, 45.6]);
    expect(liftDomain([])).toEqual([-1, 1]);
  });

  it('says a row in words, low n and incomplete windows included', () => {
    expect(describeJourneyRow(kiosk, { minN: 30 })).toBe(
      'kiosk; SLI 22.5, company 30.0; 10.0% negative (20 ratings); ' +
        'churn 25.0% after a negative rating (n = 12) vs 10.0% after others (n = 150); ' +
        'lift +15.0 pp, 95% interval −2.1 pp to +38.4 pp; 2 customers at risk; Low n (<30)'
    );
    expect(describeJourneyRow(web, { minN: 30 })).toMatch(/; 7 customers in an incomplete window$/);
  });
});
