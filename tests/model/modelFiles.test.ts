import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { dataTestFiles, modelFiles } from '@touchpoint/sql';
import { readModelDeclaration } from '@touchpoint/server/src/warehouse/modelDeclarations';

const name = (file: string) => basename(file, '.sql');

describe('the model files (sql/models)', () => {
  const files = modelFiles();

  it.each(files.map((file) => [name(file), file]))(
    '%s creates one relation named after its file and declares its grain and key',
    (_name, file) => {
      const declaration = readModelDeclaration(file);
      const oneRow = ['model_params', 'model_info'].includes(declaration.name);
      expect(declaration.key.length > 0).toBe(!oneRow);
    }
  );

  it('hold a key by another model only where that model has the same key, built before, as a table or a staging view of a raw table', () => {
    const declarations = files.map(readModelDeclaration);
    const holders = declarations.filter((declaration) => declaration.keyHeldBy !== undefined);
    expect(holders.map((declaration) => [declaration.name, declaration.keyHeldBy])).toEqual([
      ['fct_journey_ratings', 'fct_responses'],
      ['rel_customer_profile', 'stg_customers'],
      ['dim_customers', 'rel_customer_profile'],
    ]);
    for (const declaration of holders) {
      const holder = declarations.find((other) => other.name === declaration.keyHeldBy);
      expect(holder?.key).toEqual(declaration.key);
      // A table's key is checked unique or held in turn; a staging view's is its raw table's id, unique by the
      // load's rules.
      expect(holder?.kind === 'table' || holder?.projects !== undefined).toBe(true);
      expect(files.indexOf(holder!.file)).toBeLessThan(files.indexOf(declaration.file));
    }
  });

  it('count the rows of every model whose key another holds in grain_preserved, which its unique key rests on', () => {
    const grain = readFileSync(
      dataTestFiles().find((file) => name(file) === 'grain_preserved')!,
      'utf8'
    );
    const holders = files.map(readModelDeclaration).filter((declaration) => declaration.keyHeldBy !== undefined);
    for (const declaration of holders) {
      expect(grain).toContain(`(select count(*) from ${declaration.name})`);
    }
  });

  it('tell the staging views as projections of their raw tables, and no other model', () => {
    const projections = files.map(readModelDeclaration).filter((declaration) => declaration.projects !== undefined);
    expect(projections.map((declaration) => [declaration.name, declaration.projects])).toEqual([
      ['stg_branches', 'branches'],
      ['stg_customers', 'customers'],
      ['stg_followups', 'followups'],
      ['stg_interactions', 'interactions'],
      ['stg_responses', 'responses'],
    ]);
  });

  describe('a view is a projection of a raw table only when each raw row gives one row with its key as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'touchpoint-projections-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const projects = (body: string) => {
      const path = join(dir, 'v.sql');
      writeFileSync(path, `-- v: one row per thing (key id).\ncreate or replace view v as\n${body};\n`);
      return readModelDeclaration(path).projects;
    };

    it.each([
      ['columns and expressions', "select\n    id,\n    coalesce(region, 'x') as region\nfrom raw.things", 'things'],
      ['a filter', 'select id from raw.things where id is not null', undefined],
      ['a join', 'select id from raw.things join raw.others using (id)', undefined],
      ['a grouping', 'select id from raw.things group by id', undefined],
      ['distinct rows', 'select distinct id from raw.things', undefined],
      ['a subquery in the select list', 'select id, (select 1 from raw.others) as n from raw.things', undefined],
      ['the key computed', 'select lower(name) as id from raw.things', undefined],
      ['a table not raw', 'select id from things', undefined],
    ])('%s', (_case, body, expected) => {
      expect(projects(body)).toBe(expected);
    });
  });

  it('are built so that every model comes after each model it reads', () => {
    const late = files.flatMap((file, index) => {
      const sql = readFileSync(file, 'utf8').replace(/--.*$/gm, '');
      return files
        .slice(index + 1)
        .filter((later) => new RegExp(`\\b${name(later)}\\b`).test(sql))
        .map((later) => `${name(file)} reads ${name(later)}, built after it`);
    });
    expect(late).toEqual([]);
  });

  describe('a model file that breaks the conventions is refused, naming the file and the rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'touchpoint-models-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const model = (file: string, sql: string) => {
      const path = join(dir, file);
      writeFileSync(path, sql);
      return () => readModelDeclaration(path);
    };

    it.each([
      [
        'two relations',
        'a.sql',
        '-- a: one row per x (key x).\ncreate or replace table a as select 1 as x;\ncreate or replace view b as select 1;',
        /a\.sql: a model file creates exactly one relation; this one creates 2/,
      ],
      [
        'a relation named otherwise',
        'c.sql',
        '-- c: one row per x (key x).\ncreate or replace table d as select 1 as x;',
        /c\.sql: the relation is named after its file: expected c, found d/,
      ],
      [
        'no grain line',
        'e.sql',
        'create or replace table e as select 1 as x;',
        /e\.sql: the header starts with the grain/,
      ],
      [
        'no key',
        'f.sql',
        '-- f: one row per thing.\ncreate or replace table f as select 1 as x;',
        /f\.sql: the grain line names the key/,
      ],
      [
        'a reference that does not read as one',
        'g.sql',
        '-- g: one row per x (key x).\n-- references: x to h.x\ncreate or replace table g as select 1 as x;',
        /g\.sql: a reference reads "column -> model\.column", not "x to h\.x"/,
      ],
    ])('%s', (_case, file, sql, message) => {
      expect(model(file, sql)).toThrow(message);
    });

    it('reads the key, the required columns and the references of a good one', () => {
      const read = model(
        'k.sql',
        '-- k: one row per branch and day\n-- (key branch_id, day).\n-- not null: opened_at\n-- references: branch_id -> dim_branches.branch_id\ncreate or replace table k as select 1;'
      );
      expect(read()).toMatchObject({
        name: 'k',
        kind: 'table',
        key: ['branch_id', 'day'],
        notNull: ['opened_at'],
        references: [{ column: 'branch_id', model: 'dim_branches', targetColumn: 'branch_id' }],
      });
    });
  });
});
