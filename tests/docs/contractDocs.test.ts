import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawTablesFile } from '@touchpoint/sql';
import { readCatalogFile } from '@touchpoint/server/src/catalog/metricCatalog';
import { readContractColumns, type ContractColumns } from '@touchpoint/server/src/load/contractColumns';
import { contractTables, rules } from '@touchpoint/server/src/load/contractRules';
import { runSqlFile } from '@touchpoint/server/src/warehouse/runSqlFile';

const doc = (name: string) => readFileSync(join(__dirname, '..', '..', 'docs', name), 'utf8');
const metricsDoc = doc('metrics.md');
const contractDoc = doc('data-contract.md');
const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The rows of the markdown table under a `## heading`. */
const tableUnder = (text: string, heading: string): string[] => {
  const section = text.split(/^## /m).find((part) => part.startsWith(`${heading}\n`) || part.startsWith(`${heading} `));
  if (!section) {
    throw new Error(`no section ${heading}`);
  }
  return section.split('\n').filter((line) => line.startsWith('| `'));
};

describe('the metric reference (docs/metrics.md)', () => {
  it.each(readCatalogFile().map((m) => [m.name, m]))(
    'documents metric %s with its level, label, unit, exact formula and source',
    (name, metric) => {
      const row = metricsDoc.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      expect(row).toBeDefined();
      expect(row).toContain(`| ${metric.level} |`);
      expect(row).toContain(`| ${metric.label} |`);
      expect(row).toContain(`| ${metric.unit} |`);
      expect(row).toContain(`\`${metric.formula.replaceAll('|', '\\|')}\``);
      expect(row).toMatch(new RegExp(`\\| \`${metric.source.rollup ?? metric.source.fact}\` \\|$`));
    }
  );

  it('documents no metric the catalog does not have', () => {
    const names = new Set(readCatalogFile().map((m) => m.name));
    const documented = tableUnder(metricsDoc, 'The catalog').map((line) => /^\| `([^`]+)`/.exec(line)?.[1]);
    expect(documented.filter((name) => !names.has(name ?? ''))).toEqual([]);
  });

  it('carries the SLI worked example, its bands and the small-sample rule', () => {
    expect(metricsDoc).toContain('SLI = 100 x 1685 / 2500 = **67.4**');
    expect(metricsDoc).toMatch(
      /50\.\.100 Excellent, 0\.\.50 Good, exactly 0 Neutral,\s+-50\.\.0 Bad, -100\.\.-50 Unacceptable/
    );
    expect(metricsDoc).toContain('fewer than 30 ratings (`model_params.min_n`)');
  });

  it('carries the closed-loop worked example and names its parameters with their defaults', () => {
    expect(metricsDoc).toContain('`followup_coverage` = 100 x 5 / 9 = **55.6**');
    expect(metricsDoc).toContain('`loop_closed_in_sla` = 100 x 3 / 9 = **33.3**');
    expect(metricsDoc).toContain('again within the window. 100 x 2 / 3 = **66.7**, n = 3.');
    expect(metricsDoc).toContain('(`model_params.followup_sla_hours`, 48 unless set;');
    expect(metricsDoc).toContain('(`model_params.recovery_window_days`, 90 unless');
  });

  it('carries the journey-leak worked example, its interval and its window parameter', () => {
    expect(metricsDoc).toContain('`churn_lift` = **66.7** pp.');
    expect(metricsDoc).toContain('0.6667 - 0.8020 = **-13.5** pp');
    expect(metricsDoc).toContain('`customers_at_risk` = 3 x 66.7 / 100 = **2**');
    expect(metricsDoc).toContain('(`model_params.churn_window_days`, 90 unless set;');
  });

  it('is linked from the README, with the data contract', () => {
    expect(readme).toContain('(docs/metrics.md)');
    expect(readme).toContain('(docs/data-contract.md)');
  });
});

describe('the input contract (docs/data-contract.md)', () => {
  let columns: ContractColumns;
  beforeAll(async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await runSqlFile(connection, rawTablesFile);
      columns = await readContractColumns(connection);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it.each(contractTables.map((table) => [table]))(
    'lists every column of %s the loader expects, empty ones marked with ?',
    (table) => {
      const documented = tableUnder(contractDoc, table).map((line) => line.split('|').map((cell) => cell.trim()));
      expect(documented.map(([, name]) => name)).toEqual(columns[table].map((c) => `\`${c.name}\``));
      for (const [, name, type] of documented) {
        const column = columns[table].find((c) => `\`${c.name}\`` === name);
        expect({ name, optional: type.endsWith('?') }).toEqual({ name, optional: !column?.required });
      }
    }
  );

  it.each(Object.values(rules).map((rule) => [rule]))('names the rule "%s" as the report does', (rule) => {
    expect(contractDoc).toContain(`\`${rule}`);
  });
});
