import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { labels, testIds } from '../messages';
import type { VariableQuery } from '../variables/variableQuery';
import { VariableQueryEditor } from './VariableQueryEditor';

const renderEditor = (initial: VariableQuery | string | undefined) => {
  const changes: VariableQuery[] = [];
  function Variable() {
    const [query, setQuery] = useState(initial);
    return (
      <VariableQueryEditor
        query={query}
        onChange={(next) => {
          changes.push(next);
          setQuery(next);
        }}
      />
    );
  }
  render(<Variable />);
  return changes;
};

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
    expect(changes.at(-1)).toEqual({ refId: 'variable', version: 1, kind: 'sql', sql: 'select distinct segment as value from dim_customers' });
  });

  it('opens an old dashboard’s plain-string variable query as SQL', () => {
    renderEditor('select 1 as value');
    expect(screen.getByLabelText(labels.variableKinds.sql)).toBeChecked();
    expect(screen.getByTestId(testIds.variableSql)).toHaveValue('select 1 as value');
  });
});
