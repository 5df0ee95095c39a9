import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderControlled } from '../testing/renderControlled';
import { labels, testIds } from '../messages';
import type { VariableQuery } from '../variables/variableQuery';
import { VariableQueryEditor } from './VariableQueryEditor';

const renderEditor = (initial: VariableQuery | string | undefined) =>
  renderControlled<VariableQuery | string | undefined>(initial, (query, onChange) => (
    <VariableQueryEditor query={query} onChange={onChange} />
  ));

describe('VariableQueryEditor', () => {
  it('starts a new variable as the list of branches', () => {
    renderEditor(undefined);
    expect(screen.getByLabelText(labels.variableKinds.branches)).toBeChecked();
    expect(screen.queryByTestId(testIds.variableSql)).not.toBeInTheDocument();
  });

  it('switches to another fixed list', async () => {
    const changes = renderEditor({ refId: 'variable', version: 1, kind: 'branches' });
    await userEvent.click(screen.getByLabelText(labels.variableKinds.agents));
    expect(changes.at(-1)).toMatchObject({ kind: 'agents' });
  });

  it('takes SQL, saved when the text area loses focus', async () => {
    const changes = renderEditor({ refId: 'variable', version: 1, kind: 'branches' });
    await userEvent.click(screen.getByLabelText(labels.variableKinds.sql));
    const sql = screen.getByTestId(testIds.variableSql);
    fireEvent.change(sql, { target: { value: 'select distinct segment as value from dim_customers' } });
    fireEvent.blur(sql);
    expect(changes.at(-1)).toEqual({
      refId: 'variable',
      version: 1,
      kind: 'sql',
      sql: 'select distinct segment as value from dim_customers',
    });
  });

  it('opens an old dashboard’s plain-string variable query as SQL', () => {
    renderEditor('select 1 as value');
    expect(screen.getByLabelText(labels.variableKinds.sql)).toBeChecked();
    expect(screen.getByTestId(testIds.variableSql)).toHaveValue('select 1 as value');
  });

  it('says why a saved query it cannot read was replaced, instead of replacing it silently', () => {
    renderEditor({ kind: 'planets' } as unknown as VariableQuery);
    expect(screen.getByText(labels.variableUnreadable)).toBeInTheDocument();
    expect(screen.getByText(/variable query is invalid at kind/)).toBeInTheDocument();
    expect(screen.getByLabelText(labels.variableKinds.branches)).toBeChecked();
  });
});
