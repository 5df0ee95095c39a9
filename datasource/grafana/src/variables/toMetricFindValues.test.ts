import { FieldType, createDataFrame } from '@grafana/data';
import { toMetricFindValues } from './toMetricFindValues';

describe('toMetricFindValues', () => {
  it('reads value and text columns, dropping nulls and repeats', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'text', type: FieldType.string, values: ['North', 'South', 'North', null] },
        { name: 'value', type: FieldType.string, values: ['BR001', 'BR002', 'BR001', null] },
      ],
    });
    expect(toMetricFindValues(frame)).toEqual([
      { value: 'BR001', text: 'North' },
      { value: 'BR002', text: 'South' },
    ]);
  });

  it('reads Grafana’s __value/__text convention, and a single column as both', () => {
    const named = createDataFrame({
      fields: [
        { name: '__value', values: [1] },
        { name: '__text', values: ['one'] },
      ],
    });
    expect(toMetricFindValues(named)).toEqual([{ value: '1', text: 'one' }]);
    const single = createDataFrame({ fields: [{ name: 'region', values: ['EU', 'US'] }] });
    expect(toMetricFindValues(single)).toEqual([
      { value: 'EU', text: 'EU' },
      { value: 'US', text: 'US' },
    ]);
  });

  it('gives no options for no frame', () => {
    expect(toMetricFindValues(undefined)).toEqual([]);
  });
});
