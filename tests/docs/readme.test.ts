import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { macroNames } from '@touchpoint/contract/src/macros';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('the README', () => {
  it('keeps the two-command quick start', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });

  it.each(macroNames.map((m) => [m]))('documents the macro %s', (macro) => {
    expect(readme).toContain(macro);
  });
});
