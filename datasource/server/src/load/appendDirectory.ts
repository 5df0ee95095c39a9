import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction } from '../db/inTransaction';
import { quoteIdentifier, quoteLiteral } from '../db/quoteIdentifier';
import { readScalar } from '../db/readRows';
import { rowsByNumber } from '../db/rowsByNumber';
import { silentProgress, type Progress } from '../progress';
import { contractTables, rules, tableRules, type ContractTable } from './contractRules';
import { insertTable } from './insertTable';
import { dropStagedFiles } from './dropStagedFiles';
import {
  checkStagedFiles,
  stageDirectory,
  type LoadedTable,
  type LoadSummary,
  type StagedFiles,
} from './loadDirectory';
import { problemsTable } from './loadProblems';
import type { StagedColumn, StagedTable } from './readTableFile';

export interface AppendedTable extends LoadedTable {
  /** Rows of the increment whose id the warehouse held: they replaced the old row. */
  replaced: number;
}

export interface AppendSummary extends LoadSummary {
  tables: AppendedTable[];
}

/** The progress step that finds the warehouse rows an increment replaces and those its references and times are checked against. */
export const MERGED_TARGETS_STEP = 'reading the warehouse rows the increment names';

/** Raised when an increment's directory holds none of the contract's files. */
export class EmptyIncrementError extends Error {}

/** The relation holding an increment's old rows (those it replaces), for the model's incremental rebuild. */
export const replacedRowsRelation = (table: ContractTable) => quoteIdentifier(`append_replaced_${table}`);

/** The relation holding an increment's rows as merged into the raw table (its columns), empty without its file. */
export const appendedRowsRelation = (table: ContractTable) => quoteIdentifier(`append_new_${table}`);

const keyColumn = (staged: StagedTable | undefined, table: ContractTable) =>
  staged?.columns.find((c) => c.name === tableRules[table].key);

const mergedColumn = (name: string, typed: string): StagedColumn => ({
  name,
  dataType: 'VARCHAR',
  required: false,
  order: 0,
  text: quoteIdentifier(name),
  typed: quoteIdentifier(typed),
  parser: null,
});

/** The relation holding the row numbers, keys and times of a raw table's rows the increment names (foundRows). */
const foundRowsRelation = (table: ContractTable) => quoteIdentifier(`append_found_${table}`);

/** The columns whose times an increment row of another table must not precede (notBeforeReferenced). */
const referencedTimes = (table: ContractTable) => [
  ...new Set(
    contractTables.flatMap((other) =>
      (tableRules[other].notBeforeReferenced ?? []).filter((r) => r.table === table).map((r) => r.earliest)
    )
  ),
];

/** Per raw table, selects of the ids the increment's other files look up in it (references, times). */
const lookupsOf = (staged: StagedFiles, table: ContractTable): string[] =>
  contractTables.flatMap((other) => {
    const from = staged[other];
    if (!from) {
      return [];
    }
    const via = [
      ...tableRules[other].references.filter((r) => r.table === table).map((r) => r.column),
      ...(tableRules[other].notBeforeReferenced ?? []).filter((r) => r.table === table).map((r) => r.via),
    ];
    return from.columns.filter((c) => via.includes(c.name)).map((c) => `select ${c.text} as id from ${from.relation}`);
  });

/**
 * The warehouse rows the increment names, found once per raw table on its
 * key column: those its own rows replace and those its other files look up
 * (references, times), with their row numbers and the times the checks
 * compare. The checks (mergedTargets) and the merge both read them here: each
 * is a scan of every key of the table (10M contacts, 20M ratings at scale
 * 20), which each did on its own before (0.4 to 0.7 s a scan).
 */
const foundRows = async (connection: DuckDBConnection, staged: StagedFiles): Promise<void> => {
  for (const table of contractTables) {
    const own = staged[table];
    const ownKey = keyColumn(own, table);
    const ids = [
      ...(own && ownKey ? [`select ${ownKey.text} as id from ${own.relation}`] : []),
      ...lookupsOf(staged, table),
    ];
    if (ids.length === 0) {
      continue;
    }
    const columns = [tableRules[table].key, ...referencedTimes(table)].map(quoteIdentifier);
    await connection.run(
      `create or replace temp table ${foundRowsRelation(table)} as
       select rowid as r, ${columns.join(', ')} from raw.${quoteIdentifier(table)}
       where ${quoteIdentifier(tableRules[table].key)} in (select id from (${ids.join(' union ')}))`
    );
  }
};

/**
 * What the increment's references and cross-file times are checked against:
 * per referenced table, its increment rows and the warehouse's rows the
 * increment names (foundRows: a one-day increment reads a few thousand rows
 * of a large table, not all of it). An increment row replaces the
 * warehouse's row of the same id, as the merge will.
 */
const mergedTargets = async (connection: DuckDBConnection, staged: StagedFiles): Promise<StagedFiles> => {
  const targets: StagedFiles = {};
  for (const [tableOrder, table] of contractTables.entries()) {
    const own = staged[table];
    const lookups = lookupsOf(staged, table);
    if (lookups.length === 0 || (own && own.rejects > 0)) {
      // Nothing looks this table up, or its file could not be read whole (reported, and noted as in a full load).
      if (own) {
        targets[table] = own;
      }
      continue;
    }
    const key = tableRules[table].key;
    const times = referencedTimes(table);
    const relation = quoteIdentifier(`load_merged_${table}`);
    const columns = [mergedColumn(key, key), ...times.map((time) => mergedColumn(time, `${time}:typed`))];
    const ownKey = keyColumn(own, table);
    const ownPart =
      own && ownKey
        ? [
            `select ${[
              ownKey.text,
              ...times.map(
                (time) =>
                  `${own.columns.find((c) => c.name === time)?.typed ?? 'null'} as ${quoteIdentifier(`${time}:typed`)}`
              ),
            ].join(', ')} from ${own.relation}`,
          ]
        : [];
    // The increment's own rows replace the warehouse's: its ids are taken out of the lookup.
    const replacedIds = ownKey
      ? ` except select ${ownKey.text} from ${own?.relation} where ${ownKey.text} is not null`
      : '';
    const warehouseColumns = [
      quoteIdentifier(key),
      ...times.map((time) => `${quoteIdentifier(time)} as ${quoteIdentifier(`${time}:typed`)}`),
    ];
    const warehousePart = `select ${warehouseColumns.join(', ')} from ${foundRowsRelation(table)}
      where ${quoteIdentifier(key)} in (select id from (${lookups.join(' union ')})${replacedIds})`;
    await connection.run(
      `create or replace temp table ${relation} as ${[...ownPart, warehousePart].map((part) => `(${part})`).join(' union all ')}`
    );
    targets[table] = {
      table,
      tableOrder,
      file: own?.file ?? { table, name: table, path: '', format: 'csv' },
      relation,
      rowIndex: '',
      columns,
      rows: 0,
      rejects: 0,
    };
  }
  return targets;
};

/**
 * The rules that tie an increment row to warehouse rows it does not replace:
 * a column unique across its table (one case per rating) and a row of the
 * warehouse whose time must not precede an increment row's (a case opened
 * before its rating, when the increment moves the rating). Each is reported
 * on the increment's row, the one that can be fixed.
 */
const warehouseChecks = async (connection: DuckDBConnection, staged: StagedFiles): Promise<void> => {
  for (const table of contractTables) {
    const file = staged[table];
    const key = keyColumn(file, table);
    if (!file || !key || file.rejects > 0) {
      continue;
    }
    const untouched = (alias: string) =>
      `${alias}.${quoteIdentifier(tableRules[table].key)} not in (select ${key.text} from ${file.relation} where ${key.text} is not null)`;
    const params = { table_order: file.tableOrder, file: file.file.name };
    for (const unique of tableRules[table].unique ?? []) {
      const c = file.columns.find((column) => column.name === unique.column);
      if (c) {
        await connection.run(
          `insert into ${problemsTable}
           select $table_order, $file, 'row', ${file.rowIndex}, null, ${c.order}, ${quoteLiteral(c.name)}, s.${c.text}, ${quoteLiteral(unique.rule)}
           from ${file.relation} s
           where s.${c.typed} in (select w.${quoteIdentifier(c.name)} from raw.${quoteIdentifier(table)} w where ${untouched('w')})`,
          params
        );
      }
    }
  }
  for (const table of contractTables) {
    for (const rule of tableRules[table].notBeforeReferenced ?? []) {
      const target = staged[rule.table];
      const targetKey = keyColumn(target, rule.table);
      const earliest = target?.columns.find((c) => c.name === rule.earliest);
      if (!target || !targetKey || !earliest || target.rejects > 0) {
        continue;
      }
      const own = staged[table];
      const ownKey = keyColumn(own, table);
      const replaced = ownKey
        ? `and w.${quoteIdentifier(tableRules[table].key)} not in (select ${ownKey.text} from ${own?.relation} where ${ownKey.text} is not null)`
        : '';
      await connection.run(
        `insert into ${problemsTable}
         select $table_order, $file, 'row', ${target.rowIndex}, null, ${earliest.order}, ${quoteLiteral(earliest.name)}, s.${earliest.text}, $rule
         from ${target.relation} s
         where exists (
           select 1 from raw.${quoteIdentifier(table)} w
           where w.${quoteIdentifier(rule.via)} = s.${targetKey.text} and w.${quoteIdentifier(rule.column)} < s.${earliest.typed} ${replaced}
         )`,
        {
          table_order: target.tableOrder,
          file: target.file.name,
          rule: `${rules.after} ${table}.${rule.column}`,
        }
      );
    }
  }
};

/**
 * Merges the contract files in `dir` (any of them) into the raw tables of
 * `connection`, which hold the warehouse's data: a row whose id exists
 * replaces the old one, any other is added. Every rule of a full load is
 * checked against the merged data and a broken one throws LoadRejectedError
 * with the same report, writing nothing. The replaced rows and the
 * increment's rows are kept in temp tables (replacedRowsRelation,
 * appendedRowsRelation) for the model's incremental rebuild.
 */
export const appendDirectory = async (
  connection: DuckDBConnection,
  dir: string,
  progress: Progress = silentProgress
): Promise<AppendSummary> => {
  try {
    const staged = await stageDirectory(connection, dir, progress, true);
    const found = Number(await readScalar(connection, `select count(*) from ${problemsTable}`));
    if (found === 0 && contractTables.every((table) => staged[table] === undefined)) {
      throw new EmptyIncrementError(
        `${dir} holds none of the contract's files (${contractTables.join(', ')}, as .csv, .csv.gz or .parquet): nothing to append`
      );
    }
    // A step of its own: at scale 20 it reads the key columns of 20M ratings and 10M contacts (1.4 s),
    // which the step before it (reading the last file) used to be timed with.
    progress.step(MERGED_TARGETS_STEP);
    // One transaction from finding the rows to deleting those replaced: no checkpoint runs between, so the
    // row numbers found first still name their rows (inTransaction.ts).
    return await inTransaction(connection, async () => {
      await foundRows(connection, staged);
      const targets = await mergedTargets(connection, staged);
      await checkStagedFiles(connection, staged, targets, progress, () => warehouseChecks(connection, staged));
      const tables: AppendedTable[] = [];
      for (const table of contractTables) {
        const file = staged[table];
        const key = keyColumn(file, table);
        const raw = `raw.${quoteIdentifier(table)}`;
        await connection.run(
          `create or replace temp table ${appendedRowsRelation(table)} as select * from ${raw} limit 0;
           create or replace temp table ${replacedRowsRelation(table)} as select * from ${raw} limit 0;`
        );
        if (!file || !key) {
          continue;
        }
        progress.step(`merging ${file.file.name} into raw.${table} (${file.rows.toLocaleString('en-US')} rows)`);
        // The rows replaced, found on the key (foundRows), are read whole by row number, run by run: a day's
        // increment mostly adds rows, and the rows it replaces cluster where the raw table is in time order
        // (rows an earlier increment appended, an export by date); in an export's other orders they do not.
        const matched = quoteIdentifier(`append_rowids_${table}`);
        await connection.run(
          `create or replace temp table ${matched} as
             select r from ${foundRowsRelation(table)}
             where ${quoteIdentifier(tableRules[table].key)} in (select ${key.text} from ${file.relation})`
        );
        await connection.run(
          `insert into ${replacedRowsRelation(table)} ${await rowsByNumber(connection, `select * from ${raw}`, matched)};
           delete from ${raw} where rowid in (select r from ${matched});
           drop table ${matched};`
        );
        const replaced = Number(await readScalar(connection, `select count(*) from ${replacedRowsRelation(table)}`));
        // Converted once and kept: the change set reads the new rows from here, not by their ids among
        // every row of the raw table (1.1 s for a day's ratings among 20M at scale 20).
        await insertTable(connection, file, appendedRowsRelation(table));
        await connection.run(`insert into ${raw} select * from ${appendedRowsRelation(table)}`);
        tables.push({ table, file: file.file.name, rows: file.rows, replaced });
      }
      return { tables, rows: tables.reduce((sum, t) => sum + t.rows, 0) };
    });
  } finally {
    await connection.run(
      contractTables
        .map(
          (table) =>
            `drop table if exists ${quoteIdentifier(`load_merged_${table}`)}; drop table if exists ${foundRowsRelation(table)};`
        )
        .join('\n')
    );
    await dropStagedFiles(connection);
  }
};
