import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, quoteLiteral } from '../db/quoteIdentifier';
import { rules, tableRules, type ContractTable } from './contractRules';
import { problemsTable } from './loadProblems';
import { readScalar } from '../db/readRows';
import type { StagedColumn, StagedTable } from './readTableFile';

/** One rule for one column, as SQL over a staged row (column names unqualified). */
interface RowCheck {
  broken: string;
  column: StagedColumn;
  value: string;
  rule: string;
}

// The scale of each instrument over every mapping version: a score valid under
// some version the model may apply is a valid score.
const scaleRelation = `(select instrument as scale_instrument,
    min(scale_min) as scale_min, max(scale_max) as scale_max,
    regexp_replace(cast(min(scale_min) as varchar), '\\.0+$', '') || '..' || regexp_replace(cast(max(scale_max) as varchar), '\\.0+$', '') as scale_text
  from ref_sli_mapping group by instrument)`;

/** What the checks read of a file: its rows (a relation or a subquery, aliased `s`) and its contract columns. */
export type CheckedRows = Pick<StagedTable, 'table' | 'file' | 'columns' | 'relation'>;

/** Where another file's references are looked up: its rows, every id read when it has no rejects. */
export type ReferenceTarget = Pick<StagedTable, 'table' | 'columns' | 'relation' | 'rejects'>;

export type ReferenceTargets = Partial<Record<ContractTable, ReferenceTarget>>;

/** The key column of a referenced table, if every id of its file was read. */
const trustedKey = (target: ReferenceTarget | undefined): StagedColumn | undefined =>
  target && target.rejects === 0 ? target.columns.find((c) => c.name === tableRules[target.table].key) : undefined;

const rowChecks = (staged: CheckedRows, targets: ReferenceTargets, notes: string[]) => {
  const contract = tableRules[staged.table];
  const column = (name: string) => staged.columns.find((c) => c.name === name);
  const checks: RowCheck[] = [];
  const joins: string[] = [];
  for (const c of staged.columns) {
    if (c.required) {
      checks.push({ broken: `${c.text} is null`, column: c, value: 'null', rule: quoteLiteral(rules.empty) });
    }
    if (c.parser) {
      checks.push({
        broken: `${c.text} is not null and ${c.typed} is null`,
        column: c,
        value: c.text,
        rule: quoteLiteral(c.parser.rule),
      });
    }
  }
  for (const name of contract.nonNegative) {
    const c = column(name);
    if (c) {
      checks.push({ broken: `${c.typed} < 0`, column: c, value: c.text, rule: quoteLiteral(rules.negative) });
    }
  }
  for (const { column: name, earliest } of contract.notBefore) {
    const c = column(name);
    const e = column(earliest);
    if (c && e) {
      checks.push({
        broken: `${c.typed} < ${e.typed}`,
        column: c,
        value: c.text,
        rule: quoteLiteral(`${rules.before} ${earliest}`),
      });
    }
  }
  for (const allowed of contract.allowedValues) {
    const c = column(allowed.column);
    if (!c) {
      continue;
    }
    const valueColumn = quoteIdentifier(allowed.valueColumn);
    const values = `select ${valueColumn} from ${allowed.relation} where ${valueColumn} is not null`;
    checks.push({
      broken: `${c.text} is not null and ${c.text} not in (${values})`,
      column: c,
      value: c.text,
      rule: quoteLiteral(allowed.rule),
    });
  }
  for (const reference of contract.references) {
    const c = column(reference.column);
    if (!c) {
      continue;
    }
    const target = targets[reference.table];
    const key = trustedKey(target);
    if (!target || !key) {
      notes.push(
        `${staged.file.name}: ${reference.column} not checked against ${reference.table}, which could not be read completely`
      );
      continue;
    }
    const ids = `select ${key.text} from ${target.relation} where ${key.text} is not null`;
    checks.push({
      broken: `${c.text} is not null and ${c.text} not in (${ids})`,
      column: c,
      value: c.text,
      rule: quoteLiteral(reference.rule),
    });
  }
  for (const [n, rule] of (contract.notBeforeReferenced ?? []).entries()) {
    const c = column(rule.column);
    const via = column(rule.via);
    const target = targets[rule.table];
    const key = trustedKey(target);
    const earliest = target?.columns.find((t) => t.name === rule.earliest);
    if (!c || !via) {
      continue;
    }
    if (!target || !key || !earliest) {
      notes.push(
        `${staged.file.name}: ${rule.column} not checked against ${rule.table}.${rule.earliest}, which could not be read completely`
      );
      continue;
    }
    // One row per key, so a duplicate id in the other file (reported there) cannot repeat a problem here; only
    // the keys this file names are grouped (followups name a few of millions of ratings).
    const alias = `earliest_${n}`;
    joins.push(
      `left join (select ${key.text} as ${alias}_key, min(${earliest.typed}) as ${alias} from ${target.relation}
         where ${key.text} in (select ${via.text} from ${staged.relation}) group by 1) on ${via.text} = ${alias}_key`
    );
    checks.push({
      broken: `${c.typed} < ${alias}`,
      column: c,
      value: c.text,
      rule: quoteLiteral(`${rules.before} ${rule.table}.${rule.earliest}`),
    });
  }
  const score = contract.scale && column(contract.scale.score);
  const instrument = contract.scale && column(contract.scale.instrument);
  if (score && instrument) {
    joins.push(`left join ${scaleRelation} on ${instrument.text} = scale_instrument`);
    checks.push({
      broken: `${score.typed} is not null and scale_min is not null and not (${score.typed} between scale_min and scale_max)`,
      column: score,
      value: score.text,
      rule: `${quoteLiteral(`${rules.scoreOutOfRange} for `)} || ${instrument.text} || ' (' || scale_text || ')'`,
    });
  }
  return { checks, joins };
};

/** The values that may appear once in a table: its key, and the columns the contract says are unique. */
export const uniqueRules = (table: ContractTable): Array<{ column: string; rule: string }> => [
  { column: tableRules[table].key, rule: rules.duplicateId },
  ...(tableRules[table].unique ?? []),
];

/**
 * Whether any row of `rows` breaks a per-row rule: the same rules as
 * validateTable, counted instead of described. Notes on checks that could not
 * run count as broken, since the staged load would report them.
 */
export const anyBrokenRow = async (
  connection: DuckDBConnection,
  rows: CheckedRows,
  targets: ReferenceTargets
): Promise<boolean> => {
  const notes: string[] = [];
  const { checks, joins } = rowChecks(rows, targets, notes);
  if (notes.length > 0) {
    return true;
  }
  if (checks.length === 0) {
    return false;
  }
  const broken = await readScalar(
    connection,
    `select exists (select 1 from ${rows.relation} s ${joins.join(' ')} where ${checks.map((check) => `(${check.broken})`).join(' or ')})`
  );
  return broken === true;
};

/**
 * Checks every rule of the contract on one staged file and records what is
 * broken in the problems table. Set-based: one scan evaluates every per-row
 * rule (references and allowed values are hash joins against the other
 * files and the reference tables), and one aggregate finds duplicate ids.
 * Returns notes on checks that could not run.
 */
export const validateTable = async (
  connection: DuckDBConnection,
  staged: StagedTable,
  targets: ReferenceTargets
): Promise<string[]> => {
  const notes: string[] = [];
  const { checks, joins } = rowChecks(staged, targets, notes);
  const params = { table_order: staged.tableOrder, file: staged.file.name };
  if (checks.length > 0) {
    // Each check is evaluated once, into a flag; only rows with a raised flag
    // are unnested into one problem per broken rule.
    const flags = checks.map((check, i) => `(${check.broken}) as broken_${i}`);
    const problems = checks.map(
      (check, i) =>
        `case when broken_${i} then struct_pack(column_order := ${check.column.order}, column_name := ${quoteLiteral(check.column.name)}, value := cast(${check.value} as varchar), rule := ${check.rule}) end`
    );
    await connection.run(
      `insert into ${problemsTable}
       select $table_order, $file, 'row', row_index, null, p.column_order, p.column_name, p.value, p.rule
       from (
         select row_index, unnest([${problems.join(', ')}]) as p
         from (select ${staged.rowIndex} as row_index, *, ${flags.join(', ')} from ${staged.relation} s ${joins.join(' ')})
         where ${checks.map((_, i) => `broken_${i}`).join(' or ')}
       )
       where p is not null`,
      params
    );
  }
  for (const unique of uniqueRules(staged.table)) {
    const c = staged.columns.find((column) => column.name === unique.column);
    if (!c) {
      continue;
    }
    await connection.run(
      `insert into ${problemsTable}
       select $table_order, $file, 'row', ${staged.rowIndex}, null, ${c.order}, ${quoteLiteral(c.name)}, s.${c.text}, ${quoteLiteral(unique.rule)}
       from ${staged.relation} s
       where s.${c.text} in (select ${c.text} from ${staged.relation} where ${c.text} is not null group by all having count(*) > 1)`,
      params
    );
  }
  return notes;
};
