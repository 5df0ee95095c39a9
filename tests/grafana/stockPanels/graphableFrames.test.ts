import { FieldType, toDataFrame } from '@grafana/data';
import { graphableFrames } from '@touchpoint/preview/src/host/stockPanels/graphableFrames';

describe('the frames a time series panel can draw', () => {
  it('keeps each frame’s time field and number fields, and drops text and flags', () => {
    const frames = graphableFrames([
      toDataFrame({
        fields: [
          { name: 'time', type: FieldType.time, values: [1, 2] },
          { name: 'channel', type: FieldType.string, values: ['chat', 'chat'] },
          { name: 'volume', type: FieldType.number, values: [3, 4] },
          { name: 'low_confidence', type: FieldType.boolean, values: [false, true] },
          { name: 'n', type: FieldType.number, values: [3, 4] },
        ],
      }),
    ]);
    expect(frames!.map((frame) => frame.fields.map((field) => field.name))).toEqual([['time', 'volume', 'n']]);
  });

  it('has nothing to draw when no frame has both a time and a number field', () => {
    expect(
      graphableFrames([
        toDataFrame({
          fields: [
            { name: 'channel', type: FieldType.string, values: ['chat'] },
            { name: 'csat', type: FieldType.number, values: [90] },
          ],
        }),
      ])
    ).toBeUndefined();
    expect(graphableFrames([])).toBeUndefined();
  });
});
