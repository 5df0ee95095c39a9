import { MappingType } from '@grafana/data';
import { withStockFieldDefaults } from '@touchpoint/preview/src/host/stockPanels/withStockFieldDefaults';

describe('a panel’s field config with its Grafana panel type’s defaults', () => {
  it('puts the panel’s values over the type’s, replacing arrays rather than merging them', () => {
    const { defaults } = withStockFieldDefaults('timeseries', {
      defaults: {
        custom: { lineWidth: 2, showPoints: 'never' },
        mappings: [{ type: MappingType.ValueToText, options: {} }],
      },
      overrides: [],
    });
    expect(defaults.custom).toMatchObject({ lineWidth: 2, showPoints: 'never', fillOpacity: 0, drawStyle: 'line' });
    expect(defaults.mappings).toHaveLength(1);
    expect(defaults.color).toEqual({ mode: 'palette-classic' });
  });

  it('reads a base threshold saved as null (JSON has no -Infinity) as -Infinity, in defaults and overrides', () => {
    const saved = () => ({
      mode: 'absolute',
      steps: [
        { value: null, color: 'red' },
        { value: 60, color: 'green' },
      ],
    });
    const result = withStockFieldDefaults('stat', {
      defaults: { thresholds: saved() as never },
      overrides: [{ matcher: { id: 'byName', options: 'x' }, properties: [{ id: 'thresholds', value: saved() }] }],
    });
    expect(result.defaults.thresholds!.steps.map((step) => step.value)).toEqual([-Infinity, 60]);
    expect(result.overrides[0].properties[0].value.steps[0].value).toBe(-Infinity);
  });

  it('gives a stat Grafana’s standard thresholds and mappings only, and leaves the panel’s JSON as it was', () => {
    const panel = { defaults: {}, overrides: [] };
    const { defaults } = withStockFieldDefaults('stat', panel);
    expect(defaults.thresholds!.steps).toEqual([
      { value: -Infinity, color: 'green' },
      { value: 80, color: 'red' },
    ]);
    expect(defaults.mappings).toEqual([]);
    expect(defaults.custom).toBeUndefined();
    expect(panel).toEqual({ defaults: {}, overrides: [] });
  });
});
