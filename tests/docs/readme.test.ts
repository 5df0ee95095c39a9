import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCatalogFile } from '../../datasource/src/catalog/metricCatalog';
import { macroNames } from '../../datasource/src/contract/macros';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('the README', () => {
  it('keeps the two-command quick start', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });

  it.each(readCatalogFile().map((m) => [m.name, m]))('documents metric %s with its level and exact formula', (name, metric) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
    expect(row).toBeDefined();
    expect(row).toContain(`| ${metric.level} |`);
    expect(row).toContain(`\`${metric.formula.replaceAll('|', '\\|')}\``);
  });

  it.each(macroNames.map((m) => [m]))('documents the macro %s', (macro) => {
    expect(readme).toContain(macro);
  });
});
