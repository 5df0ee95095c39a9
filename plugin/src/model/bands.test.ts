import catalog from '@touchpoint/sql/catalog/metrics.json';
import { metricDefinitionSchema } from '@touchpoint/contract/src/metricDefinition';
import { bandFor } from './bands';

const sli = metricDefinitionSchema.parse(catalog.find((metric) => metric.name === 'sli'));

describe('bandFor (the SLI bands of docs/metrics.md)', () => {
  it.each([
    [67.4, 'Excellent'],
    [50, 'Excellent'],
    [49.9, 'Good'],
    [0, 'Neutral'],
    [-0.1, 'Bad'],
    [-49.9, 'Bad'],
    [-50, 'Unacceptable'],
    [-100, 'Unacceptable'],
    [100, 'Excellent'],
  ])('puts %p in %s', (value, label) => {
    expect(bandFor(value, sli.bands)?.label).toBe(label);
  });

  it('has no band for a missing value', () => {
    expect(bandFor(null, sli.bands)).toBeUndefined();
  });
});
