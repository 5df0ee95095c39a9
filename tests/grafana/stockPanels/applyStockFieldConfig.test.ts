import {
  createTheme,
  FieldType,
  toDataFrame,
  type DataFrame,
  type FieldConfigSource,
  type InterpolateFunction,
} from '@grafana/data';
import { applyStockFieldConfig } from '@touchpoint/preview/src/host/stockPanels/applyStockFieldConfig';
import { withDataMacros } from '@touchpoint/preview/src/host/stockPanels/dataMacros';
import type { StockPanelType } from '@touchpoint/preview/src/host/stockPanels/stockPanelTypes';
import { withStockFieldDefaults } from '@touchpoint/preview/src/host/stockPanels/withStockFieldDefaults';

const theme = createTheme({ colors: { mode: 'dark' } });
/** The dashboard's variables: none here, so text passes through as Grafana's template service leaves it. */
const dashboardVariables: InterpolateFunction = (text) => text;

const apply = (type: StockPanelType, series: DataFrame[], fieldConfig: FieldConfigSource) =>
  applyStockFieldConfig({
    series,
    fieldConfig: withStockFieldDefaults(type, fieldConfig),
    theme,
    timeZone: 'utc',
    replaceVariables: withDataMacros(dashboardVariables),
  });

/** A metric frame as the service answers `csat` by channel: the metric's unit and decimals on its field. */
const csatByChannel = () =>
  toDataFrame({
    fields: [
      { name: 'channel', type: FieldType.string, values: ['chat', 'email'] },
      {
        name: 'csat',
        type: FieldType.number,
        values: [89.6, 90.68322981],
        config: { displayName: 'CSAT', unit: 'percent', decimals: 1, min: 0, max: 100 },
      },
    ],
  });

describe('a stock panel’s frames after its field config, as Grafana’s query runner gives them', () => {
  it('formats values by the unit and decimals the service sent, in the colour the panel fixes', () => {
    const [frame] = apply('bargauge', [csatByChannel()], {
      defaults: { color: { mode: 'fixed', fixedColor: 'blue' } },
      overrides: [],
    });
    const csat = frame.fields[1];
    const shown = csat.display!(90.68322981);
    expect(`${shown.text}${shown.suffix}`).toBe('90.7%');
    expect(shown.color).toBe(theme.visualization.getColorByName('blue'));
    expect(csat.state?.range).toEqual({ min: 0, max: 100, delta: 100 });
  });

  it('lets the panel’s own decimals and unit win over its type’s defaults but not over the field’s', () => {
    const [frame] = apply('stat', [csatByChannel()], { defaults: { decimals: 3, unit: 'short' }, overrides: [] });
    // The datasource's config is the field's own: panel defaults fill only what it left empty, as in Grafana.
    expect(frame.fields[1].config.decimals).toBe(1);
    const [plain] = apply(
      'stat',
      [toDataFrame({ fields: [{ name: 'v', type: FieldType.number, values: [1.23456] }] })],
      {
        defaults: { decimals: 3, unit: 'percent' },
        overrides: [],
      }
    );
    const shown = plain.fields[0].display!(1.23456);
    expect(`${shown.text}${shown.suffix}`).toBe('1.235%');
  });

  it('colours by Grafana’s default thresholds (green, red from 80) when the panel sets none', () => {
    const [frame] = apply('stat', [toDataFrame({ fields: [{ name: 'v', type: FieldType.number, values: [1] }] })], {
      defaults: {},
      overrides: [],
    });
    const display = frame.fields[0].display!;
    expect(display(79).color).toBe(theme.visualization.getColorByName('green'));
    expect(display(81).color).toBe(theme.visualization.getColorByName('red'));
  });

  it('names each series by its label through a displayName override of ${__field.labels.channel}', () => {
    const series = ['chat', 'email'].map((channel) =>
      toDataFrame({
        fields: [
          { name: 'time', type: FieldType.time, values: [0, 86_400_000] },
          { name: 'volume', type: FieldType.number, values: [3, 4], labels: { channel } },
        ],
      })
    );
    const frames = apply('timeseries', series, {
      defaults: { custom: { drawStyle: 'bars', stacking: { mode: 'normal', group: 'A' } } },
      overrides: [
        {
          matcher: { id: 'byName', options: 'volume' },
          properties: [{ id: 'displayName', value: '${__field.labels.channel}' }],
        },
      ],
    });
    expect(frames.map((frame) => frame.fields[1].config.displayName)).toEqual(['chat', 'email']);
    // The panel's graph styles, on top of Grafana's time series defaults.
    expect(frames[0].fields[1].config.custom).toMatchObject({
      drawStyle: 'bars',
      stacking: { mode: 'normal', group: 'A' },
      lineWidth: 1,
      showPoints: 'auto',
    });
    expect(frames[0].fields[1].config.color).toEqual({ mode: 'palette-classic' });
  });

  it('applies a byName unit override to that column only, as the follow-up table’s waiting time', () => {
    const [frame] = apply(
      'table',
      [
        toDataFrame({
          fields: [
            { name: 'waiting', type: FieldType.number, values: [90_061] },
            { name: 'score', type: FieldType.number, values: [2] },
          ],
        }),
      ],
      {
        defaults: {},
        overrides: [
          { matcher: { id: 'byName', options: 'waiting' }, properties: [{ id: 'unit', value: 'dtdurations' }] },
        ],
      }
    );
    // Grafana's own duration format, not a plain number.
    expect(frame.fields[0].display!(90_061).text).toBe('1 day');
    expect(frame.fields[1].display!(2).text).toBe('2');
    expect(frame.fields[1].config.unit).toBeUndefined();
    expect(frame.fields[1].config.custom).toMatchObject({ cellOptions: { type: 'auto' }, align: 'auto' });
  });
});
