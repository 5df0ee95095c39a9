import { FieldType, toDataFrame, type ScopedVars } from '@grafana/data';
import { interpolateDataMacros } from '@touchpoint/preview/src/host/stockPanels/dataMacros';

const frame = toDataFrame({
  name: 'volume by channel',
  fields: [
    {
      name: 'volume',
      type: FieldType.number,
      values: [1],
      labels: { channel: 'chat' },
      config: { displayName: 'Contacts' },
    },
  ],
});
const scoped: ScopedVars = { __dataContext: { value: { frame, field: frame.fields[0], data: [frame] } } };

describe('Grafana’s data macros in a panel’s text', () => {
  it('reads the field’s name, labels and display name, and the series’ name', () => {
    expect(interpolateDataMacros('${__field.labels.channel} / ${__field.name} / ${__field.displayName}', scoped)).toBe(
      'chat / volume / Contacts'
    );
    expect(interpolateDataMacros('${__series.name}', scoped)).toBe('volume by channel');
  });

  it('writes nothing for a path the field lacks, and leaves macros and variables alone without a field', () => {
    expect(interpolateDataMacros('[${__field.labels.region}]', scoped)).toBe('[]');
    expect(interpolateDataMacros('${__field.labels.channel} $branch', {})).toBe('${__field.labels.channel} $branch');
  });
});

describe('Grafana’s row macro in a bar gauge’s display name', () => {
  it('names a row by another field’s value in that row, formatted as that field shows it', () => {
    const rows = toDataFrame({
      fields: [
        { name: 'channel', type: FieldType.string, values: ['chat', 'email'] },
        { name: 'csat', type: FieldType.number, values: [89.6, 90.7] },
      ],
    });
    const row = (rowIndex?: number): ScopedVars => ({
      __dataContext: { value: { frame: rows, field: rows.fields[1], data: [rows], rowIndex } },
    });
    expect(interpolateDataMacros('${__data.fields.channel}', row(1))).toBe('email');
    expect(interpolateDataMacros('${__data.fields["channel"]}', row(0))).toBe('chat');
    expect(interpolateDataMacros('${__data.fields.branch}', row(0))).toBe('');
    // Without a row (a reduced value), the macro stays for Grafana's template service.
    expect(interpolateDataMacros('${__data.fields.channel}', row())).toBe('${__data.fields.channel}');
  });
});
