import { metricFieldOf } from '@touchpoint/scorecard-panel/src/model/metricField';
import { metricFramesFor } from '../support/serviceFrames';

const may = (day: number) => Date.UTC(2024, 4, day);
const byRegion = (metric: string) =>
  metricFramesFor(
    metric,
    [
      { time: may(1), region: 'North', value: 58, n: 60 },
      { time: may(1), region: 'South', value: 49, n: 80 },
    ],
    { groupBy: ['region'], interval: 'day' }
  );

describe('metricFieldOf', () => {
  it('reads a series that names its metric only with the details its answer’s first series carries', () => {
    const [north, south] = byRegion('sli');
    expect(south.fields[1].config.custom).toEqual({ metric: 'sli' });
    const first = metricFieldOf(north)!.info;
    const second = metricFieldOf(south, [north, south])!.info;
    expect(second).toEqual(first);
    expect(second).toMatchObject({ metric: 'sli', level: 'relationship', label: 'SLI', min: -100, max: 100 });
    expect(second.bands.map((band) => band.label)).toEqual(['Excellent', 'Good', 'Neutral', 'Bad', 'Unacceptable']);
    expect(metricFieldOf(south, [north, south])!.field).toBe(south.fields[1]);
  });

  it('is no metric field when nothing in the answer carries its metric in full', () => {
    const [, south] = byRegion('sli');
    const [otherMetric] = byRegion('nps');
    expect(metricFieldOf(south)).toBeUndefined();
    expect(metricFieldOf(south, [otherMetric, south])).toBeUndefined();
  });
});
