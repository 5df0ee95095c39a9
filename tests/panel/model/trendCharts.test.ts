import { FIXTURE_AS_OF, metricFramesFor } from '../support/serviceFrames';
import { readTrendCharts, type TrendModel } from '@touchpoint/scorecard-panel/src/model/trendCharts';
import { modelFrom } from '../support/modelFrom';

const DAY = 86_400_000;
const may = (day: number) => Date.UTC(2024, 4, day);

const csat = metricFramesFor(
  'csat',
  [
    { time: may(1), value: 78, n: 140 },
    { time: may(2), value: null, n: 0 },
    { time: may(3), value: 82.1, n: 25 },
  ],
  { interval: 'day' }
);
const cesByChannel = metricFramesFor(
  'ces_mean',
  [
    { time: may(1), channel: 'chat', value: 5.8, n: 60 },
    { time: may(2), channel: 'chat', value: 6.1, n: 45 },
    { time: may(1), channel: 'phone', value: 4.9, n: 80 },
    { time: may(2), channel: 'phone', value: 5.2, n: 10 },
  ],
  { groupBy: ['channel'], interval: 'day', refId: 'B' }
);
const sli = metricFramesFor(
  'sli',
  [
    { time: may(1), value: 40, n: 300 },
    { time: may(4), value: 45, n: 320 },
  ],
  { interval: 'day', refId: 'C' }
);

const modelOf = (frames = [...csat, ...cesByChannel, ...sli]): TrendModel => modelFrom(readTrendCharts(frames));

describe('readTrendCharts', () => {
  it('gives each interaction metric its own chart, in query order, and puts relationship metrics on the overlay axis', () => {
    const model = modelOf();
    expect(model.charts.map((chart) => [chart.metric.metric, chart.metric.level])).toEqual([
      ['csat', 'interaction'],
      ['ces_mean', 'interaction'],
    ]);
    expect(model.overlays.map((overlay) => [overlay.metric.metric, overlay.metric.level])).toEqual([
      ['sli', 'relationship'],
    ]);
    expect(model.skippedOverlays).toEqual([]);
  });

  it('carries each chart’s goal, unit, decimals and range from the service’s field config', () => {
    const [csatChart, cesChart] = modelOf().charts;
    expect(csatChart.metric).toMatchObject({ label: 'CSAT', unit: 'percent', decimals: 1, min: 0, max: 100, goal: 80 });
    expect(cesChart.metric).toMatchObject({
      label: 'CES (mean)',
      unit: 'none',
      decimals: 2,
      min: 1,
      max: 7,
      goal: 5.5,
    });
    expect(modelOf().overlays[0].metric).toMatchObject({ label: 'SLI', goal: null, min: -100, max: 100 });
  });

  it('names an unlabelled line after its metric and a labelled one after its labels', () => {
    const [csatChart, cesChart] = modelOf().charts;
    expect(csatChart.lines.map((line) => line.name)).toEqual(['CSAT']);
    expect(cesChart.lines.map((line) => [line.name, line.labels])).toEqual([
      ['chat', { channel: 'chat' }],
      ['phone', { channel: 'phone' }],
    ]);
  });

  it('names a branch’s line by the name the service labels it with, its id and region on hover', () => {
    const byBranch = metricFramesFor(
      'csat',
      [
        { time: may(1), branch_id: 'B1', value: 78, n: 40 },
        { time: may(1), branch_id: 'B2', value: 81, n: 40 },
      ],
      {
        groupBy: ['branch_id'],
        interval: 'day',
        branches: new Map([
          ['B1', { name: 'Harbour Street', region: 'North' }],
          ['B2', { name: 'Mill Lane', region: null }],
        ]),
      }
    );
    expect(modelOf(byBranch).charts[0].lines.map((line) => [line.name, line.title])).toEqual([
      ['Harbour Street', 'B1 · North'],
      ['Mill Lane', 'B2'],
    ]);
  });

  it('keeps empty buckets as gaps and marks buckets under the minimum n as low confidence', () => {
    expect(modelOf().charts[0].lines[0].points).toEqual([
      { time: may(1), value: 78, n: 140, lowConfidence: false },
      { time: may(2), value: null, n: 0, lowConfidence: true },
      { time: may(3), value: 82.1, n: 25, lowConfidence: true },
    ]);
    expect(modelOf()).toMatchObject({ minN: 30, asOf: FIXTURE_AS_OF });
  });

  it('sums the responses of a chart’s lines per bucket for the bars', () => {
    expect(modelOf().charts[1].responses).toEqual([
      { time: may(1), n: 140 },
      { time: may(2), n: 55 },
    ]);
  });

  it('spans the time axis over charts and overlays, one bucket a day', () => {
    expect(modelOf()).toMatchObject({ timeRange: { from: may(1), to: may(4) }, step: DAY });
  });

  it('leaves off a relationship metric whose unit the overlay axis cannot carry, and says so', () => {
    const churn = metricFramesFor('churn_rate', [{ time: may(1), value: 2.5, n: 800 }], {
      interval: 'day',
      refId: 'D',
    });
    const model = modelOf([...csat, ...sli, ...churn]);
    expect(model.overlays.map((overlay) => overlay.metric.metric)).toEqual(['sli']);
    expect(model.skippedOverlays).toEqual(['Churn rate']);
    const nps = metricFramesFor('nps', [{ time: may(1), value: 31, n: 90 }], { interval: 'day', refId: 'E' });
    expect(modelOf([...csat, ...sli, ...nps]).overlays.map((overlay) => overlay.metric.metric)).toEqual(['sli', 'nps']);
  });

  it('tells apart two queries of the same metric and labels by their refId', () => {
    const again = metricFramesFor('csat', [{ time: may(1), value: 70, n: 50 }], { interval: 'day', refId: 'F' });
    expect(modelOf([...csat, ...again]).charts[0].lines.map((line) => line.name)).toEqual(['CSAT (A)', 'CSAT (F)']);
  });

  it('handles any interaction metric, such as first response time in seconds', () => {
    const frt = metricFramesFor('frt_median', [{ time: may(1), branch_id: 'BR001', value: 340, n: 75 }], {
      groupBy: ['branch_id'],
      interval: 'week',
    });
    const [chart] = modelOf(frt).charts;
    expect(chart.metric).toMatchObject({ metric: 'frt_median', unit: 's', goal: null });
    expect(chart.lines[0].name).toBe('BR001');
    // a single bucket has no neighbour to measure: the interval gives its width
    expect(modelOf(frt).step).toBe(7 * DAY);
  });

  it('names the queries it needs when there is no interaction time series', () => {
    expect(readTrendCharts([])).toEqual({
      problem: expect.stringMatching(
        /^CSAT \/ CES trend needs metric queries with an interval .* csat and ces_mean \(or ces_index\)\.$/
      ),
    });
  });

  it('says why whole-range interaction queries and relationship series alone do not make a trend', () => {
    const wholeRange = metricFramesFor('csat', [{ value: 81, n: 400 }]);
    const result = readTrendCharts([...wholeRange, ...sli]);
    expect(result).toEqual({
      problem:
        'CSAT / CES trend needs metric queries with an interval (day, week or month) for csat and ces_mean (or ces_index). ' +
        'The CSAT query has no interval, so it gives one value for the whole range. ' +
        'SLI: relationship level, drawn only as an overlay on an interaction chart.',
    });
  });
});
