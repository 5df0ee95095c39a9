import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createServer } from 'node:http';
import type { ComponentProps } from 'react';
import { QueryEditor } from '@touchpoint/duckdb-datasource/src/components/QueryEditor';
import { labels, testIds } from '@touchpoint/duckdb-datasource/src/messages';
import { newQuery, type TouchpointQuery } from '@touchpoint/contract/src/savedQuery';
import { SERVICE_TOKEN, startSeededService, type SeededService } from './support/seededService';
import { renderControlled } from '@touchpoint/duckdb-datasource/src/testing/renderControlled';
import { touchpointDatasource } from './support/touchpointDatasource';

let seeded: SeededService;
beforeAll(async () => {
  seeded = await startSeededService();
});
afterAll(() => seeded?.stop());

type Props = ComponentProps<typeof QueryEditor>;

/** The editor as Grafana mounts it, on a datasource that reads the real service's catalog. */
const renderEditor = (query: TouchpointQuery, serviceUrl = seeded.service.url) => {
  const { datasource } = touchpointDatasource(serviceUrl, SERVICE_TOKEN, [
    { name: 'branch', options: ['BR001', 'BR002'], selected: 'BR001' },
  ]);
  const onChange = jest.fn<void, [TouchpointQuery]>();
  const onRunQuery = jest.fn();
  const props = { datasource, onRunQuery } as unknown as Omit<Props, 'query' | 'onChange'>;
  renderControlled(query, (current, change) => (
    <QueryEditor
      {...props}
      query={current}
      onChange={(next) => {
        onChange(next);
        change(next);
      }}
    />
  ));
  return { onChange, onRunQuery };
};

const openSelect = async (inputId: string) => {
  const input = await screen.findByLabelText((_, element) => element?.id === inputId);
  await userEvent.click(input);
  return input;
};

describe('QueryEditor: metric builder', () => {
  it('groups metrics as interaction or relationship level, each with its description', async () => {
    renderEditor(newQuery('metric', 'A'));
    await openSelect(testIds.metricPicker);
    expect(screen.getByText(labels.levels.interaction)).toBeInTheDocument();
    expect(screen.getByText(labels.levels.relationship)).toBeInTheDocument();
    expect(screen.getByText('NPS')).toBeInTheDocument();
    expect(screen.getByText(/Share of rated contacts scoring 4 or 5/)).toBeInTheDocument();
  });

  it('describes the chosen metric with its level', async () => {
    renderEditor(newQuery('metric', 'A'));
    const description = await screen.findByTestId(testIds.metricDescription);
    expect(description).toHaveTextContent(labels.levels.relationship);
    expect(description).toHaveTextContent(/Satisfaction Level Indicator/);
  });

  it('picks a metric, runs it, and drops a group-by the new metric cannot take', async () => {
    const { onChange, onRunQuery } = renderEditor({ ...newQuery('metric', 'A'), groupBy: ['touchpoint', 'branch_id'] });
    await openSelect(testIds.metricPicker);
    await userEvent.click(screen.getByText('CSAT'));
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ kind: 'metric', metric: 'csat', groupBy: ['branch_id'] })
    );
    expect(onRunQuery).toHaveBeenCalled();
  });

  it('offers only the metric’s own dimensions to group by', async () => {
    renderEditor(newQuery('metric', 'A'));
    await openSelect(testIds.groupByPicker);
    const menu = screen.getByLabelText('Select options menu');
    expect(
      within(menu)
        .getAllByRole('option')
        .map((option) => option.textContent)
    ).toEqual(['branch_id', 'region', 'touchpoint', 'instrument']);
  });

  it('sets the interval, including the whole range for gauges', async () => {
    const { onChange } = renderEditor(newQuery('metric', 'A'));
    await userEvent.click(await screen.findByLabelText(labels.intervals.none));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ interval: 'none' }));
  });

  it('compares with the previous period over the whole range, and drops the comparison for a time series', async () => {
    const { onChange } = renderEditor({ ...newQuery('metric', 'A'), interval: 'none' });
    await userEvent.click(await screen.findByRole('switch', { name: labels.compare }));
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ interval: 'none', compare: 'previous_period' })
    );
    await userEvent.click(screen.getByLabelText(labels.intervals.week));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ interval: 'week', compare: undefined }));
    expect(screen.queryByRole('switch', { name: labels.compare })).not.toBeInTheDocument();
  });

  it('adds a filter on a dimension and offers dashboard variables as its values', async () => {
    const { onChange } = renderEditor({ ...newQuery('metric', 'A'), filters: { region: [] } });
    await userEvent.click(await screen.findByLabelText(`${labels.filters} region`));
    expect(screen.getByText('$branch')).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText(labels.addFilter));
    await userEvent.click(screen.getByText('touchpoint'));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ filters: { region: [], touchpoint: [] } }));
  });

  it('shows the SQL it stands for, and Edit as SQL turns it into a SQL query', async () => {
    const { onChange } = renderEditor({
      ...newQuery('metric', 'A'),
      groupBy: ['branch_id'],
      filters: { branch_id: ['$branch'] },
    });
    const sql = await screen.findByTestId(testIds.metricSql);
    expect(sql).toHaveTextContent('$__metric(sli) as sli');
    expect(sql).toHaveTextContent('branch_id in ($branch)');
    await userEvent.click(screen.getByRole('button', { name: labels.editAsSql }));
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ kind: 'sql', format: 'time_series', sql: sql.textContent })
    );
  });

  it('explains why a stock metric has no SQL form instead of offering a wrong one', async () => {
    renderEditor({ ...newQuery('metric', 'A'), metric: 'churn_rate' });
    expect(await screen.findByTestId(testIds.metricSql)).toHaveTextContent(/active at each period's start/);
    expect(screen.queryByRole('button', { name: labels.editAsSql })).not.toBeInTheDocument();
  });

  it('shows why the catalog could not be read instead of loading forever', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as { port: number };
    await new Promise((done) => closed.close(done));
    renderEditor(newQuery('metric', 'A'), `http://127.0.0.1:${port}`);
    expect(await screen.findByText('The metric catalog could not be read')).toBeInTheDocument();
    expect(screen.getByText(/Cannot reach the Touchpoint service/)).toBeInTheDocument();
  });
});

describe('QueryEditor: modes', () => {
  it('switches to SQL with an empty query and does not run it', async () => {
    const { onChange, onRunQuery } = renderEditor(newQuery('metric', 'A'));
    await userEvent.click(await screen.findByLabelText(labels.modes.sql));
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ kind: 'sql', sql: '', format: 'table', version: 1 })
    );
    expect(onRunQuery).not.toHaveBeenCalled();
  });

  it('sets the SQL format and runs', async () => {
    const { onChange, onRunQuery } = renderEditor({ ...newQuery('sql', 'A'), sql: 'select 1' });
    const editor = await screen.findByTestId(testIds.sqlEditor);
    expect(await within(editor).findByDisplayValue('select 1')).toBeInTheDocument();
    expect(screen.getByText(labels.runHint)).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText(labels.formats.time_series));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ format: 'time_series', sql: 'select 1' }));
    expect(onRunQuery).toHaveBeenCalled();
  });

  it('shows the fields each drill needs, and runs when one is left', async () => {
    const { onChange, onRunQuery } = renderEditor({
      ...newQuery('drill', 'A'),
      drill: 'day_interactions',
      branchId: undefined,
    });
    const day = await screen.findByLabelText(labels.drillFields.day);
    expect(screen.getByLabelText(labels.drillFields.branchId)).toBeInTheDocument();
    expect(screen.getByLabelText(labels.drillFields.channel)).toBeInTheDocument();
    expect(screen.queryByLabelText(labels.drillFields.customerId)).not.toBeInTheDocument();
    await userEvent.type(day, '2024-03-01');
    await userEvent.tab();
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ kind: 'drill', drill: 'day_interactions', day: '2024-03-01' })
    );
    expect(onRunQuery).toHaveBeenCalled();
  });

  it('switches to Journey, runs it, and groups it by the journey’s dimensions only', async () => {
    const { onChange, onRunQuery } = renderEditor(newQuery('metric', 'A'));
    await userEvent.click(await screen.findByLabelText(labels.modes.journey));
    expect(onChange).toHaveBeenLastCalledWith({ ...newQuery('journey', 'A'), datasource: undefined });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId(testIds.journeyDescription)).toHaveTextContent(labels.journeyHelp);
    await openSelect(testIds.journeyGroupByPicker);
    const menu = screen.getByLabelText('Select options menu');
    expect(
      within(menu)
        .getAllByRole('option')
        .map((option) => option.textContent)
    ).toEqual(['branch_id', 'region', 'segment']);
    await userEvent.click(within(menu).getByText('region'));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'journey', groupBy: ['region'] }));
    expect(onRunQuery).toHaveBeenCalledTimes(2);
  });

  it('filters a journey query on a dashboard variable', async () => {
    const { onChange } = renderEditor({ ...newQuery('journey', 'A'), filters: { branch_id: [] } });
    await userEvent.click(await screen.findByLabelText(`${labels.filters} branch_id`));
    await userEvent.click(screen.getByText('$branch'));
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ kind: 'journey', filters: { branch_id: ['$branch'] } })
    );
    await userEvent.click(screen.getByLabelText(labels.addFilter));
    expect(
      within(screen.getByLabelText('Select options menu'))
        .getAllByRole('option')
        .map((option) => option.textContent)
    ).toEqual(['region', 'segment']);
  });

  it('shows why a query from a newer plugin cannot be edited', async () => {
    renderEditor({ refId: 'A', kind: 'metric', version: 9 });
    expect(await screen.findByText(/saved by a newer Touchpoint plugin/)).toBeInTheDocument();
  });
});

describe('QueryEditor: waits for nothing it does not need', () => {
  // A service that takes requests and never answers: the catalog stays on its way.
  const silent = createServer(() => undefined);
  let silentUrl: string;
  beforeAll(async () => {
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((done) => silent.close(done));
  });

  it('shows the SQL mode while the catalog is still on its way, and the metric builder waits', async () => {
    renderEditor({ ...newQuery('sql', 'A'), sql: 'select 1' }, silentUrl);
    expect(await within(screen.getByTestId(testIds.sqlEditor)).findByDisplayValue('select 1')).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText(labels.modes.metric));
    expect(screen.getByText(labels.catalogLoading)).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.metricDescription)).not.toBeInTheDocument();
  });
});
