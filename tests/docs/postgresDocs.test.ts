import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCatalogFile } from '@touchpoint/server/src/catalog/metricCatalog';
import { readProvisionedDatasources } from '@touchpoint/preview/src/server/previewSources';
import { readAlertingFiles } from '../postgres/provisionedAlertRules';

const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'postgres.md'), 'utf8');
const sqlExamples = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((match) => match[1]);
const rules = readAlertingFiles().flatMap(({ groups }) => groups.flatMap((group) => group.rules));

describe('the PostgreSQL guide (docs/postgres.md)', () => {
  it('names the provisioned PostgreSQL datasource by its name and uid', () => {
    const postgres = readProvisionedDatasources().find(
      (datasource) => datasource.type === 'grafana-postgresql-datasource'
    );
    expect(doc).toContain(`\`${postgres?.uid}\``);
    expect(doc).toContain(`**${postgres?.name}**`);
  });

  it.each(rules.map((rule) => [rule.title]))('lists the provisioned alert rule "%s"', (title) => {
    expect(doc).toContain(`| ${title} |`);
  });

  it('writes metrics in its SQL as metric() with catalog names, never $__metric', () => {
    const names = new Set(readCatalogFile().map((metric) => metric.name));
    expect(sqlExamples.length).toBeGreaterThan(0);
    for (const sql of sqlExamples) {
      expect(sql).not.toContain('$__metric');
      const used = [...sql.matchAll(/\bmetric(?:_n)?\('([^']*)'\)/g)].map((match) => match[1]);
      expect(used.filter((name) => !names.has(name))).toEqual([]);
    }
  });
});
