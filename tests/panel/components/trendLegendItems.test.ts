import { metricFramesFor } from '../support/serviceFrames';
import { readTrendCharts, type TrendModel } from '@touchpoint/scorecard-panel/src/model/trendCharts';
import { legendText, trendLegendItems } from '@touchpoint/scorecard-panel/src/components/trendLegendItems';

const may = (day: number) => Date.UTC(2024, 4, day);

const modelOf = (): TrendModel => {
  const result = readTrendCharts([
    ...metricFramesFor(
      'csat',
      [
        { time: may(1), value: 78, n: 25 },
        { time: may(2), value: 82.1, n: 140 },
        { time: may(3), value: null, n: 0 },
      ],
      { interval: 'day' }
    ),
    ...metricFramesFor(
      'ces_mean',
      [
        { time: may(1), branch_id: 'BR001', value: 5.8, n: 60 },
        { time: may(1), branch_id: 'BR002', value: 4.9, n: 80 },
      ],
      { groupBy: ['branch_id'], interval: 'day', refId: 'B' }
    ),
    ...metricFramesFor('sli', [{ time: may(1), branch_id: 'BR001', value: 40, n: 300 }], {
      groupBy: ['branch_id'],
      interval: 'day',
      refId: 'C',
    }),
  ]);
  if ('problem' in result) {
    throw new Error(result.problem);
  }
  return result.model;
};

describe('trendLegendItems', () => {
  const model = modelOf();
  const [csat, ces] = model.charts;

  it('names every line and overlay, and explains the bars and the hollow low-n points', () => {
    const items = trendLegendItems({ chart: csat, overlays: model.overlays, wall: false, compact: false, minN: 30 });
    expect(items.map(legendText)).toEqual(['CSAT', 'SLI BR001 (relationship)', 'responses (n)', 'Low n (<30)']);
  });

  it('gives an overlay line the colour of the chart line of the same branch', () => {
    const items = trendLegendItems({ chart: ces, overlays: model.overlays, wall: false, compact: false, minN: 30 });
    expect(items.flatMap((item) => ('colorKey' in item ? [[item.label, item.colorKey]] : []))).toEqual([
      ['BR001', 'BR001'],
      ['BR002', 'BR002'],
      ['SLI BR001 (relationship)', 'BR001'],
    ]);
  });

  it('leaves out the low-n entry when no point is under the minimum', () => {
    expect(
      trendLegendItems({ chart: ces, overlays: [], wall: false, compact: false, minN: 30 }).map(legendText)
    ).toEqual(['BR001', 'BR002', 'responses (n)']);
  });

  it('keeps only what carries meaning on a small panel', () => {
    expect(trendLegendItems({ chart: csat, overlays: [], wall: false, compact: true, minN: 30 })).toEqual([]);
    expect(
      trendLegendItems({ chart: ces, overlays: [], wall: false, compact: true, minN: 30 }).map(legendText)
    ).toEqual(['BR001', 'BR002']);
  });

  it('writes each series’ latest value and n on a wall, skipping a last bucket nobody rated', () => {
    const items = trendLegendItems({ chart: csat, overlays: model.overlays, wall: true, compact: false, minN: 30 });
    expect(items.map(legendText)).toEqual([
      'CSAT 82.1%, n = 140',
      'SLI BR001 (relationship) 40.0, n = 300',
      'responses (n)',
      'Low n (<30)',
    ]);
  });

  it('marks a latest value under the minimum n on a wall too', () => {
    const items = trendLegendItems({ chart: ces, overlays: [], wall: true, compact: false, minN: 30 });
    expect(items.map(legendText).slice(0, 2)).toEqual(['BR001 5.80, n = 60', 'BR002 4.90, n = 80']);
    const lowCes = readTrendCharts(
      metricFramesFor('ces_mean', [{ time: may(1), value: 6.2, n: 12 }], { interval: 'day' })
    );
    if ('problem' in lowCes) {
      throw new Error(lowCes.problem);
    }
    expect(
      legendText(
        trendLegendItems({ chart: lowCes.model.charts[0], overlays: [], wall: true, compact: false, minN: 30 })[0]
      )
    ).toBe('CES (mean) 6.20, n = 12 (low n)');
  });
});
