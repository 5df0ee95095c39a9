import type { CatalogResponse } from '@touchpoint/contract/src/serviceResponses';
import { metricCatalogSchema } from '@touchpoint/contract/src/metricDefinition';
import catalogFile from '@touchpoint/sql/catalog/metrics.json';
import { macroNames } from '@touchpoint/contract/src/macros';
import { sqlCompletions } from './sqlCompletions';

/** The catalog's shape as the service serves it; tables abridged to two. */
const catalog: CatalogResponse = {
  dataVersion: 'test',
  metrics: metricCatalogSchema.parse(catalogFile),
  dimensions: ['branch_id', 'region'],
  tables: [
    {
      schema: 'main',
      table: 'fct_interactions',
      comment: 'One row per interaction.',
      columns: [
        { name: 'interaction_id', type: 'VARCHAR' },
        { name: 'opened_at', type: 'TIMESTAMP' },
      ],
    },
    {
      schema: 'main',
      table: 'dim_branches',
      comment: 'One row per branch.',
      columns: [
        { name: 'branch_id', type: 'VARCHAR' },
        { name: 'region', type: 'VARCHAR' },
      ],
    },
  ],
  macros: [...macroNames],
  drills: [],
};
const context = { catalog, variables: ['branch'] };
const at = (sql: string) => sqlCompletions(sql.replace('|', ''), sql.indexOf('|'), context);
const labelsOf = (sql: string) => at(sql).map((c) => c.label);

describe('sqlCompletions', () => {
  it('offers tables after from and join, with their grain as documentation', () => {
    expect(at('select * from |')).toEqual([
      expect.objectContaining({ label: 'fct_interactions', kind: 'table', documentation: 'One row per interaction.' }),
      expect.objectContaining({ label: 'dim_branches', kind: 'table' }),
    ]);
    expect(labelsOf('select * from fct_interactions i join dim_b|')).toEqual(['fct_interactions', 'dim_branches']);
  });

  it('offers the columns of a table or its alias after a dot', () => {
    expect(labelsOf('select b.| from dim_branches b')).toEqual(['branch_id', 'region']);
    expect(labelsOf('select fct_interactions.| from fct_interactions')).toEqual(['interaction_id', 'opened_at']);
  });

  it('offers catalog metrics inside $__metric( and marks stocks', () => {
    const metrics = at('select $__metric(|');
    expect(metrics.map((c) => c.label)).toContain('csat');
    expect(metrics.find((c) => c.label === 'churn_rate')?.detail).toMatch(/stock: use a metric query/);
  });

  it('offers macros as snippets and dashboard variables after $', () => {
    const items = at('select * from fct_interactions where $|');
    expect(items.find((c) => c.label === '$__timeFilter')).toMatchObject({
      kind: 'macro',
      insertText: '$__timeFilter(${1:column})',
    });
    expect(items.find((c) => c.label === '$branch')).toMatchObject({ kind: 'variable' });
  });

  it('puts the columns of the tables in the query first, then tables, macros, variables and keywords', () => {
    const kinds = at('select | from dim_branches').map((c) => c.kind);
    expect(kinds.slice(0, 2)).toEqual(['column', 'column']);
    expect(at('select | from dim_branches')[0]).toMatchObject({ label: 'branch_id', detail: 'VARCHAR · dim_branches' });
    expect(new Set(kinds)).toEqual(new Set(['column', 'table', 'macro', 'variable', 'keyword']));
  });
});
