import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { statSync } from 'node:fs';
import { readCatalogTable, type MetricDefinition } from '../catalog/metricCatalog';
import { readRows } from '../db/readRows';
import { relationKind } from '../db/relationKind';
import { readModelParams } from '../warehouse/readModelParams';
import { errorMessage } from '../errorMessage';
import { readBranchDirectory, type BranchDirectory } from './branchDirectory';
import { GuardedStatements } from './sql/guardedStatements';

export interface DataInfo {
  /** Content version of the data (model_info) plus the file's identity. */
  version: string;
  dataVersion: string;
  mappingVersion: string;
  /** Latest event in the data, epoch ms: its freshness. */
  asOf: number | null;
  firstEventAt: number | null;
  /** When this file was written (the load or seed that made it). */
  loadedAt: number;
  /** Below this n a value is low-confidence (model_params.min_n). */
  minN: number;
  /** Days after a rating within which an end counts as churn for the journey (model_params.churn_window_days). */
  churnWindowDays: number;
}

export interface FileIdentity {
  ino: number;
  mtimeMs: number;
  size: number;
}

export const fileIdentity = (path: string): FileIdentity => {
  const s = statSync(path);
  return { ino: s.ino, mtimeMs: s.mtimeMs, size: s.size };
};

export const sameFile = (a: FileIdentity, b: FileIdentity) =>
  a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.size === b.size;

export interface TableColumns {
  schema: string;
  table: string;
  /** The model's grain, from its comment: "one row per ...". */
  comment: string | null;
  columns: Array<{ name: string; type: string }>;
}

/** A DuckDB file starts with three 4 KiB headers, then its blocks. */
const DUCKDB_HEADER_BYTES = 3 * 4096;

/**
 * DuckDB opens a file cut short (a copy that ran out of space, a transfer
 * that stopped) and fails only when a query reaches the missing blocks. The
 * file must hold every block the database says it has.
 */
const refuseTruncated = async (connection: DuckDBConnection, fileBytes: number) => {
  const [size] = await readRows(connection, 'select block_size, total_blocks from pragma_database_size()');
  const needed = DUCKDB_HEADER_BYTES + Number(size.block_size) * Number(size.total_blocks);
  if (fileBytes < needed) {
    throw new Error(
      `not a whole warehouse: the file is truncated: it holds ${fileBytes} bytes, its ${String(size.total_blocks)} blocks need ${needed}`
    );
  }
};

/** A DuckDB file of someone else's: it opens, but holds no Touchpoint model. */
const refuseForeign = async (connection: DuckDBConnection) => {
  if ((await relationKind(connection, 'model_info')) !== 'table') {
    throw new Error('not a Touchpoint warehouse: it has no model_info table (build one with touchpoint load or seed)');
  }
};

/** DuckDB's error when a block it needs lies past the end of the file. */
const SHORT_READ = /could not read enough bytes/i;

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export interface DatabaseSettings {
  threads: number;
  memoryLimit: string;
}

/**
 * One opened warehouse file, read-only and locked down: no file access, no
 * extension loading or installing, configuration locked. Lends connections
 * to queries and closes itself once retired and idle, so a new file can
 * replace it without failing a query in flight.
 */
export class ServingDatabase {
  private readonly idle: DuckDBConnection[] = [];
  private lent = 0;
  private retired = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly info: DataInfo,
    readonly catalog: MetricDefinition[],
    readonly identity: FileIdentity,
    readonly tables: TableColumns[],
    /** Each branch's name and region, read with the file: what metric frames name branches by. */
    readonly branches: BranchDirectory
  ) {
    this.metrics = new Map(catalog.map((m) => [m.name, m]));
    const mainColumns = new Map(
      tables.filter((t) => t.schema === 'main').map((t) => [t.table, new Set(t.columns.map((c) => c.name))])
    );
    this.columns = (table) => mainColumns.get(table) ?? new Set();
  }

  /** The catalog by metric name. */
  readonly metrics: ReadonlyMap<string, MetricDefinition>;
  /** Ad-hoc statements that passed the guard on this file: a SQL panel's text is parsed once, not each refresh. */
  readonly guarded = new GuardedStatements<void>();
  /** The column names of a table or view of the main schema (empty when there is none). */
  readonly columns: (table: string) => ReadonlySet<string>;

  static async open(path: string, settings: DatabaseSettings): Promise<ServingDatabase> {
    const identity = fileIdentity(path);
    const instance = await DuckDBInstance.create(path, {
      access_mode: 'READ_ONLY',
      threads: String(settings.threads),
      memory_limit: settings.memoryLimit,
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      allow_community_extensions: 'false',
      enable_external_access: 'false',
    }).catch((error: unknown) => {
      const message = oneLine(errorMessage(error));
      // A file cut short inside the blocks DuckDB reads at open fails there, before refuseTruncated can look.
      const why = SHORT_READ.test(message)
        ? 'not a whole warehouse: the file is truncated'
        : 'not a readable DuckDB warehouse';
      throw new Error(`${why}: ${message}`, { cause: error });
    });
    const setup = await instance.connect();
    try {
      // The time zone needs icu, which cannot be set at create; lock after it.
      await setup.run(`
        set global TimeZone = 'UTC';
        set global lock_configuration = true;
      `);
      await refuseTruncated(setup, identity.size);
      await refuseForeign(setup);
      const [model] = await readRows(setup, 'select * from model_info');
      const params = await readModelParams(setup);
      const catalog = await readCatalogTable(setup);
      const info: DataInfo = {
        version: `${String(model.data_version)}-${identity.ino}-${Math.round(identity.mtimeMs)}`,
        dataVersion: String(model.data_version),
        mappingVersion: String(model.mapping_version),
        asOf: typeof model.as_of === 'number' ? model.as_of : null,
        firstEventAt: typeof model.first_event_at === 'number' ? model.first_event_at : null,
        loadedAt: Math.round(identity.mtimeMs),
        minN: params.minN,
        churnWindowDays: params.churnWindowDays,
      };
      const columnRows = await readRows(
        setup,
        `select c.schema_name, c.table_name, c.column_name, c.data_type, coalesce(t.comment, v.comment) as comment
         from duckdb_columns() as c
         left join duckdb_tables() as t using (database_name, schema_name, table_name)
         left join duckdb_views() as v on v.database_name = c.database_name and v.schema_name = c.schema_name and v.view_name = c.table_name
         where c.database_name = current_database() and c.schema_name in ('main', 'raw')
         order by c.schema_name, c.table_name, c.column_index`
      );
      const tables = new Map<string, TableColumns>();
      for (const row of columnRows) {
        const key = `${row.schema_name}.${row.table_name}`;
        const table = tables.get(key) ?? {
          schema: String(row.schema_name),
          table: String(row.table_name),
          comment: typeof row.comment === 'string' && row.comment !== '' ? row.comment : null,
          columns: [],
        };
        table.columns.push({ name: String(row.column_name), type: String(row.data_type) });
        tables.set(key, table);
      }
      const branches = await readBranchDirectory(setup);
      return new ServingDatabase(instance, info, catalog, identity, [...tables.values()], branches);
    } catch (error) {
      instance.closeSync();
      throw error;
    } finally {
      setup.closeSync();
    }
  }

  async acquire(): Promise<DuckDBConnection> {
    // Counted before the await, so a retire() meanwhile cannot close under it.
    this.lent += 1;
    const idle = this.idle.pop();
    if (idle) {
      return idle;
    }
    try {
      return await this.instance.connect();
    } catch (error) {
      this.lent -= 1;
      this.closeIfDone();
      throw error;
    }
  }

  release(connection: DuckDBConnection): void {
    this.lent -= 1;
    if (this.retired) {
      connection.closeSync();
    } else {
      this.idle.push(connection);
    }
    this.closeIfDone();
  }

  /** No new queries; close once the ones in flight are done. */
  retire(): void {
    this.retired = true;
    this.closeIfDone();
  }

  private closeIfDone() {
    if (!this.retired || this.lent > 0) {
      return;
    }
    for (const connection of this.idle.splice(0)) {
      connection.closeSync();
    }
    this.instance.closeSync();
  }
}
