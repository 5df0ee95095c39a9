import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { macroNames } from '@touchpoint/contract/src/macros';
import { examples } from '../messages';
import { QueryEditorHelp } from './QueryEditorHelp';

describe('QueryEditorHelp', () => {
  it('lists every macro the service expands', () => {
    render(
      <QueryEditorHelp
        {...({ onClickExample: jest.fn(), datasource: undefined } as unknown as ComponentProps<typeof QueryEditorHelp>)}
      />
    );
    for (const name of macroNames) {
      expect(screen.getAllByText(new RegExp(`^\\${name}\\b`)).length).toBeGreaterThan(0);
    }
  });

  it('puts a clicked example into the editor as a SQL query in its format', async () => {
    const onClickExample = jest.fn();
    render(
      <QueryEditorHelp
        {...({ onClickExample, datasource: undefined } as unknown as ComponentProps<typeof QueryEditorHelp>)}
      />
    );
    await userEvent.click(screen.getByRole('button', { name: examples[0].title }));
    expect(onClickExample).toHaveBeenCalledWith({
      refId: 'A',
      version: 1,
      kind: 'sql',
      sql: examples[0].sql,
      format: examples[0].format,
    });
  });
});
