import { barGaugeOptionsSchema } from '@touchpoint/preview/src/host/stockPanels/barGaugeOptions';
import {
  barGaugeItemSpacing,
  barGaugeOrientation,
  barGaugeSizes,
} from '@touchpoint/preview/src/host/stockPanels/barGaugeLayout';
import { statOptionsSchema } from '@touchpoint/preview/src/host/stockPanels/statOptions';
import { tableOptionsSchema } from '@touchpoint/preview/src/host/stockPanels/tableOptions';
import { textOptionsSchema } from '@touchpoint/preview/src/host/stockPanels/textOptions';
import { timeSeriesOptionsSchema } from '@touchpoint/preview/src/host/stockPanels/timeSeriesOptions';

describe('Grafana’s panel options as the preview reads them', () => {
  it('fills what a saved stat leaves out with Grafana’s defaults', () => {
    expect(statOptionsSchema.parse({ textMode: 'value_and_name', reduceOptions: { values: false } })).toMatchObject({
      textMode: 'value_and_name',
      colorMode: 'value',
      graphMode: 'area',
      orientation: 'auto',
      wideLayout: true,
      reduceOptions: { values: false, calcs: ['lastNotNull'], fields: '' },
    });
    expect(timeSeriesOptionsSchema.parse({})).toEqual({
      legend: { showLegend: true, displayMode: 'list', placement: 'bottom', calcs: [] },
      tooltip: { mode: 'single', sort: 'none' },
    });
    expect(tableOptionsSchema.parse({})).toMatchObject({
      showHeader: true,
      cellHeight: 'sm',
      frameIndex: 0,
      sortBy: [],
    });
    expect(textOptionsSchema.parse({ content: '# Hi' })).toMatchObject({ mode: 'markdown', content: '# Hi' });
  });

  it('names the option and the problem when a saved value is not one Grafana knows', () => {
    const parsed = barGaugeOptionsSchema.safeParse({ displayMode: 'sparkly' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].path).toEqual(['displayMode']);
    expect(parsed.error!.issues[0].message).toMatch(/basic|lcd|gradient/);
  });

  it('sizes bars by Grafana’s defaults unless sizing is manual, and only for the orientation they apply to', () => {
    const manual = barGaugeOptionsSchema.parse({
      sizing: 'manual',
      minVizHeight: 40,
      maxVizHeight: 60,
      minVizWidth: 30,
    });
    expect(barGaugeSizes(manual, barGaugeOrientation(manual.orientation, 200, 600))).toEqual({
      minVizWidth: 8,
      minVizHeight: 40,
      maxVizHeight: 60,
    });
    expect(barGaugeSizes(manual, barGaugeOrientation(manual.orientation, 600, 200))).toEqual({
      minVizWidth: 30,
      minVizHeight: 16,
      maxVizHeight: 300,
    });
    const auto = barGaugeOptionsSchema.parse({ minVizHeight: 40 });
    expect(barGaugeSizes(auto, 'horizontal' as never).minVizHeight).toBe(16);
    expect(barGaugeItemSpacing(manual.displayMode)).toBe(10);
    expect(barGaugeItemSpacing('lcd' as never)).toBe(2);
  });
});
