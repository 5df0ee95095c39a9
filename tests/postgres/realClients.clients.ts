import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { openDatabase } from '@touchpoint/server/src/db/openDatabase';
import { plainValueConverter } from '@touchpoint/server/src/db/plainValue';
import { writeSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { startServiceProcess, type ServiceProcess } from '../support/serviceProcess';

// Debian's own clients, not the node-postgres the other tests use: what
// analysts and Grafana's alerting actually connect with.
const PSQL = '/usr/bin/psql';
// Debian's interpreter, where python3-psycopg installs; the python3 on PATH may be another.
const PYTHON = '/usr/bin/python3';
const GOPATH = '/usr/share/gocode';
const LIB_PQ = join(GOPATH, 'src', 'github.com', 'lib', 'pq');

const TOKEN = 'real-clients-token';
// Long enough to outlive any test, cheap to interrupt.
const SLOW_SQL = 'select count(*) from range(100000000000) as a(x) where x % 7 = 3';

/** Why a client cannot run here, or undefined when it can. */
const missing = (file: string, args: string[]): string | undefined => {
  const probe = spawnSync(file, args, { encoding: 'utf8' });
  if (probe.error) {
    return `${file} cannot run (${probe.error.message})`;
  }
  return probe.status === 0 ? undefined : `${file} ${args.join(' ')} failed: ${probe.stderr.trim().split('\n').pop()}`;
};

const psycopgMissing = missing(PYTHON, ['-c', 'import psycopg']);
const libPqMissing =
  missing('go', ['version']) ??
  (existsSync(LIB_PQ) ? undefined : `lib/pq is not in ${LIB_PQ} (golang-github-lib-pq-dev)`);

/**
 * A describe block for one real client. A missing client fails the block
 * with the reason and the package to install (.ci/run installs them all),
 * instead of skipping it: a green run always means the client was used.
 */
const describeWith = (missingReason: string | undefined, name: string, body: () => void) =>
  describe(name, () => {
    if (missingReason !== undefined) {
      it('has its client installed', () => {
        throw new Error(`${name} is not installed: ${missingReason}`);
      });
      return;
    }
    body();
  });

interface ClientRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a client to its end and keeps what it printed, whatever its exit code. */
const runClient = (file: string, args: string[], env: Record<string, string>, cwd?: string): Promise<ClientRun> =>
  new Promise((resolve, reject) => {
    execFile(file, args, { env, cwd, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new Error(`${file} did not run: ${error.message}\n${stderr}`, { cause: error }));
        return;
      }
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });

/** What the promise resolves to, or 'timed out' once ms have passed, leaving no timer behind. */
const within = async <T>(promise: Promise<T>, ms: number): Promise<T | 'timed out'> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<'timed out'>((resolve) => (timer = setTimeout(resolve, ms, 'timed out'))),
    ]);
  } finally {
    clearTimeout(timer);
  }
};

describe('real PostgreSQL clients from Debian against touchpoint serve --pg-port', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-real-clients-'));
  const db = join(dir, 'warehouse.duckdb');
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  // The clients' environment: nothing from the machine's PG* variables or ~/.psqlrc.
  const baseEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, LC_ALL: 'C.UTF-8', TZ: 'UTC' };
  let service: ServiceProcess | undefined;
  let tlsService: ServiceProcess | undefined;
  let instance: DuckDBInstance | undefined;
  let truthConnection: DuckDBConnection | undefined;

  beforeAll(async () => {
    await writeSmallWarehouse(db);
    const openssl = await runClient(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1'],
        ...['-keyout', key, '-out', cert, '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'],
      ],
      baseEnv
    );
    if (openssl.code !== 0) {
      throw new Error(`openssl could not make the test certificate:\n${openssl.stderr}`);
    }
    [service, tlsService] = await Promise.all([
      startServiceProcess(db, {}, ['--pg-port', '0', '--token', TOKEN]),
      startServiceProcess(db, {}, ['--pg-port', '0', '--token', TOKEN, '--pg-tls-cert', cert, '--pg-tls-key', key]),
    ]);
    instance = await openDatabase(db, { readOnly: true });
    truthConnection = await instance.connect();
  }, 60_000);

  afterAll(async () => {
    truthConnection?.closeSync();
    instance?.closeSync();
    await Promise.all([service?.stop(), tlsService?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Rows read from the warehouse file directly with DuckDB: the truth the clients are held to. */
  const truth = async (sql: string, params: Array<string | number> = []) => {
    const reader = await (truthConnection as DuckDBConnection).runAndReadAll(sql, params);
    return reader.convertRowObjects(plainValueConverter);
  };

  const pgPort = (which: ServiceProcess | undefined) => {
    if (which?.pgPort === undefined) {
      throw new Error('the service did not report its PostgreSQL port');
    }
    return which.pgPort;
  };

  describe('psql 15', () => {
    const conninfo = (sslmode: string, which = service) =>
      `host=127.0.0.1 port=${pgPort(which)} user=touchpoint dbname=touchpoint sslmode=${sslmode}`;
    const psql = (args: string[], { password = TOKEN, sslmode = 'disable', which = service } = {}) =>
      runClient(PSQL, ['-X', ...args, conninfo(sslmode, which)], { ...baseEnv, PGPASSWORD: password });
    /** Unaligned, tuples only: one line per row, fields split on '|'. */
    const psqlRows = async (command: string) => {
      const result = await psql(['-A', '-t', '-c', command]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return result.stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.split('|'));
    };

    it('lists the model’s tables with \\dt', async () => {
      const expected = await truth(
        "select table_name from duckdb_tables() where database_name = current_database() and schema_name = 'main' order by 1"
      );
      const rows = await psqlRows('\\dt');
      expect(rows.map(([schema, name, type]) => [schema, name, type])).toEqual(
        expected.map(({ table_name }) => ['main', table_name, 'table'])
      );
    });

    // What PostgreSQL calls the DuckDB types these tables use, as psql prints them.
    const postgresTypeNames: Record<string, string> = {
      VARCHAR: 'text',
      INTEGER: 'integer',
      BIGINT: 'bigint',
      DOUBLE: 'double precision',
      BOOLEAN: 'boolean',
      DATE: 'date',
      TIMESTAMP: 'timestamp without time zone',
    };

    it.each(['dim_branches', 'fct_interactions'])(
      'describes %s with \\d: its real columns under PostgreSQL type names',
      async (table) => {
        const columns = await truth(
          `select column_name, data_type from information_schema.columns
           where table_catalog = current_database() and table_schema = 'main' and table_name = $1
           order by ordinal_position`,
          [table]
        );
        expect(columns.length).toBeGreaterThan(0);
        const rows = await psqlRows(`\\d ${table}`);
        expect(rows.map(([name, type]) => [name, type])).toEqual(
          columns.map(({ column_name, data_type }) => [column_name, postgresTypeNames[String(data_type)]])
        );
      }
    );

    it('lists the warehouse’s one database with \\l and its schemas with \\dn', async () => {
      // One database: the one the session says it is in, whatever name the client asked for.
      const [[name]] = await psqlRows('select current_database()');
      const databases = await psqlRows('\\l');
      expect(databases.map(([database, , encoding]) => [database, encoding])).toEqual([[name, 'UTF8']]);
      const schemas = await truth(
        `select schema_name from duckdb_schemas()
         where database_name = current_database() and schema_name not in ('information_schema', 'pg_catalog')
         order by 1`
      );
      expect((await psqlRows('\\dn')).map(([schema]) => schema)).toEqual(schemas.map(({ schema_name }) => schema_name));
    });

    it('answers a SELECT over the rollup with metric() as the facts read directly say', async () => {
      const expected = await truth(
        `select branch_id, count(*) as contacts, 100.0 * sum(csat_satisfied) / nullif(sum(csat_rated), 0) as csat
         from fct_interactions group by branch_id order by branch_id`
      );
      const rows = await psqlRows(
        `select branch_id, sum(interactions) as contacts, metric('csat') as csat
         from agg_interaction_daily group by branch_id order by branch_id`
      );
      expect(rows.map(([branch, contacts]) => [branch, Number(contacts)])).toEqual(
        expected.map(({ branch_id, contacts }) => [branch_id, contacts])
      );
      rows.forEach(([, , csat], i) => expect(Number(csat)).toBeCloseTo(Number(expected[i].csat), 9));
    });

    it('refuses a write with ERROR: and a read-only message, then runs the rest of the script', async () => {
      const script = join(dir, 'refused-write.sql');
      writeFileSync(
        script,
        [
          "delete from dim_branches where branch_id = 'B1';",
          "select count(*) as branches from dim_branches where branch_id = 'B1';",
        ].join('\n')
      );
      const [{ branches }] = await truth(
        "select count(*)::integer as branches from dim_branches where branch_id = 'B1'"
      );
      expect(branches).toBe(1);
      const result = await psql(['-A', '-t', '-v', 'ON_ERROR_STOP=0', '-f', script]);
      expect(result.stderr).toMatch(/^psql:[^:]+:1: ERROR: {2}.*read-only/m);
      expect(result.stdout.trim()).toBe(String(branches));
      expect(result.code).toBe(0);
    });

    it('fails to sign in with a wrong password', async () => {
      const result = await psql(['-c', 'select 1'], { password: `${TOKEN}-wrong` });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/FATAL: {2}password authentication failed for user "touchpoint"/);
      expect(result.stdout).toBe('');
    });

    it('fails sslmode=require against a service without a certificate, in psql’s own words', async () => {
      const result = await psql(['-c', 'select 1'], { sslmode: 'require' });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/server does not support SSL, but SSL was required/);
    });

    it('connects over TLS with sslmode=require to a service given a certificate', async () => {
      const result = await psql(['-c', '\\conninfo'], { sslmode: 'require', which: tlsService });
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/You are connected to database "touchpoint" as user "touchpoint"/);
      expect(result.stdout).toMatch(/^SSL connection \(protocol: TLSv1\.[23]/m);
    });

    it('verifies the service’s certificate with sslmode=verify-full and answers over it', async () => {
      const result = await runClient(
        PSQL,
        [
          '-X',
          '-A',
          '-t',
          '-c',
          'select count(*) from dim_branches',
          `host=localhost hostaddr=127.0.0.1 port=${pgPort(tlsService)} user=touchpoint dbname=touchpoint sslmode=verify-full sslrootcert=${cert}`,
        ],
        { ...baseEnv, PGPASSWORD: TOKEN }
      );
      const [{ n }] = await truth('select count(*)::integer as n from dim_branches');
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe(String(n));
    });

    it('turns Ctrl+C into a CancelRequest that stops the query, and the service answers the next one at once', async () => {
      // -e echoes the query as psql sends it: from then on the service is running it.
      const child = spawn(PSQL, ['-X', '-e', '-c', SLOW_SQL, conninfo('disable')], {
        env: { ...baseEnv, PGPASSWORD: TOKEN },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += String(chunk)));
      const sent = new Promise((resolve) => child.stdout.once('data', resolve));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        await Promise.race([sent, exited]);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(child.exitCode).toBeNull();
        const interrupted = Date.now();
        child.kill('SIGINT');
        const code = await within(exited, 10_000);
        expect(code).toBe(1);
        expect(Date.now() - interrupted).toBeLessThan(5_000);
        expect(stderr).toMatch(/ERROR: {2}canceling statement due to user request/);
      } finally {
        child.kill('SIGKILL');
      }
      const started = Date.now();
      expect(await psqlRows('select 42')).toEqual([['42']]);
      expect(Date.now() - started).toBeLessThan(3_000);
    }, 20_000);
  });

  describeWith(psycopgMissing, 'psycopg 3 (Debian python3-psycopg)', () => {
    const valueSchema = z.object({ type: z.string(), value: z.unknown() });
    const errorSchema = z.object({ class: z.string(), sqlstate: z.string(), message: z.string() });
    const reportSchema = z.object({
      serverVersion: z.number(),
      branch: z.array(z.array(z.string())),
      text: z.record(z.string(), valueSchema),
      binary: z.record(z.string(), valueSchema),
      prepared: z.object({ counts: z.array(z.number()), parses: z.array(z.string()), binds: z.array(z.string()) }),
      cancel: z.object({
        error: errorSchema.nullable(),
        seconds: z.number(),
        statusAfter: z.string(),
        next: z.number(),
        nextSeconds: z.number(),
      }),
      refused: z.object({
        refused: errorSchema.nullable(),
        statusAfter: z.string(),
        beforeRollback: errorSchema.nullable(),
        afterRollback: z.number(),
      }),
    });
    let report: z.infer<typeof reportSchema>;

    beforeAll(async () => {
      const result = await runClient(
        PYTHON,
        [join(__dirname, 'clients', 'psycopgClient.py'), join(dir, 'psycopg-trace.txt'), SLOW_SQL],
        {
          ...baseEnv,
          PGHOST: '127.0.0.1',
          PGPORT: String(pgPort(service)),
          PGUSER: 'touchpoint',
          PGDATABASE: 'touchpoint',
          PGPASSWORD: TOKEN,
          PGSSLMODE: 'disable',
        }
      );
      if (result.code !== 0) {
        throw new Error(`the psycopg client failed (${result.code}):\n${result.stderr}`);
      }
      report = reportSchema.parse(JSON.parse(result.stdout));
    }, 60_000);

    it('sees a PostgreSQL 15 server', () => {
      expect(Math.floor(report.serverVersion / 10_000)).toBe(15);
    });

    it('binds a %s parameter in a query', async () => {
      const rows = await truth("select branch_id, branch_name, region from dim_branches where branch_id = 'B1'");
      expect(report.branch).toEqual(rows.map((row) => [row.branch_id, row.branch_name, row.region]));
    });

    describe.each(['text', 'binary'] as const)('in %s format', (format) => {
      it('gets Python types: aware datetime, Decimal, date, int, float, bool, list and dict', async () => {
        const [expected] = await truth(
          `select epoch_ms(max(opened_at)) as last_opened,
                  ((sum(handle_seconds) / 1000)::decimal(18, 3))::varchar as handle_kiloseconds,
                  strftime(max(opened_date), '%Y-%m-%d') as last_day,
                  count(*)::integer as contacts,
                  avg(handle_seconds) as mean_handle_seconds,
                  bool_or(is_open) as any_open,
                  list(distinct channel order by channel) as channels
           from fct_interactions where branch_id = 'B1'`
        );
        const row = report[format];
        expect(Object.fromEntries(Object.entries(row).map(([name, { type }]) => [name, type]))).toEqual({
          last_opened: 'datetime',
          handle_kiloseconds: 'Decimal',
          last_day: 'date',
          contacts: 'int',
          mean_handle_seconds: 'float',
          any_open: 'bool',
          channels: 'list',
          summary: 'dict',
        });
        const lastOpened = z.object({ iso: z.string(), utcOffsetSeconds: z.number() }).parse(row.last_opened.value);
        expect(lastOpened.utcOffsetSeconds).toBe(0);
        expect(Date.parse(lastOpened.iso)).toBe(expected.last_opened);
        expect(row.handle_kiloseconds.value).toBe(expected.handle_kiloseconds);
        expect(row.last_day.value).toBe(expected.last_day);
        expect(row.contacts.value).toBe(expected.contacts);
        expect(row.mean_handle_seconds.value).toBeCloseTo(Number(expected.mean_handle_seconds), 9);
        expect(row.any_open.value).toBe(expected.any_open);
        expect(row.channels.value).toEqual(expected.channels);
        expect(row.summary.value).toEqual({ branch: 'B1', contacts: expected.contacts });
      });
    });

    it('prepares a named statement once with prepare=True and binds it on each execution', async () => {
      const expected = await truth(
        "select count(*)::integer as n from fct_interactions where branch_id in ('B2', 'B3') group by branch_id order by branch_id"
      );
      expect(report.prepared.counts).toEqual(expected.map(({ n }) => n));
      expect(report.prepared.parses).toEqual([expect.stringMatching(/^"(_pg3_\d+)" "select count\(\*\)/)]);
      const name = /^"([^"]+)"/.exec(report.prepared.parses[0])?.[1];
      expect(report.prepared.binds).toEqual([
        expect.stringContaining(`"" "${name}" `),
        expect.stringContaining(`"" "${name}" `),
      ]);
    });

    it('stops a slow query with conn.cancel() from another thread, as QueryCanceled', async () => {
      const [{ n }] = await truth('select count(*)::integer as n from dim_branches');
      expect(report.cancel.error).toEqual({
        class: 'QueryCanceled',
        sqlstate: '57014',
        message: expect.stringMatching(/canceling statement due to user request/),
      });
      expect(report.cancel.seconds).toBeLessThan(5);
      expect(report.cancel.statusAfter).toBe('INERROR');
      expect(report.cancel.next).toBe(n);
      expect(report.cancel.nextSeconds).toBeLessThan(2);
    });

    it('refuses a write in its transaction, refuses more until rollback, then answers again', async () => {
      const [{ n }] = await truth('select count(*)::integer as n from dim_branches');
      expect(report.refused.refused).toEqual({
        class: expect.any(String),
        sqlstate: expect.stringMatching(/^(42501|25006)$/),
        message: expect.stringMatching(/read-only/),
      });
      expect(report.refused.statusAfter).toBe('INERROR');
      expect(report.refused.beforeRollback).toMatchObject({ class: 'InFailedSqlTransaction', sqlstate: '25P02' });
      expect(report.refused.afterRollback).toBe(n);
    });
  });

  describeWith(libPqMissing, 'lib/pq (the Go driver of Grafana’s PostgreSQL datasource)', () => {
    const reportSchema = z.object({
      alert: z.array(
        z.object({
          time: z.string(),
          utcOffsetSeconds: z.number(),
          branch: z.string(),
          value: z.number(),
          rounded: z.number(),
        })
      ),
      parameters: z.object({ contacts: z.number(), handleSeconds: z.number() }),
      refused: z.string(),
    });
    let report: z.infer<typeof reportSchema>;

    beforeAll(async () => {
      const goEnv = { ...baseEnv, GOPATH, GO111MODULE: 'off', GOCACHE: join(dir, 'gocache'), GOPROXY: 'off' };
      const binary = join(dir, 'libpq-client');
      // Compiled once, offline: lib/pq comes from Debian's GOPATH, nothing is fetched.
      const build = await runClient('go', ['build', '-o', binary, '.'], goEnv, join(__dirname, 'clients', 'libpq'));
      if (build.code !== 0) {
        throw new Error(`go build failed:\n${build.stderr}`);
      }
      const result = await runClient(
        binary,
        [`host=127.0.0.1 port=${pgPort(service)} user=touchpoint dbname=touchpoint sslmode=disable password=${TOKEN}`],
        baseEnv
      );
      if (result.code !== 0) {
        throw new Error(`the lib/pq client failed (${result.code}):\n${result.stderr}`);
      }
      report = reportSchema.parse(JSON.parse(result.stdout));
    }, 90_000);

    it('scans an alert-shaped query into time.Time, string and float64, one row per day and branch', async () => {
      const expected = await truth(
        `select epoch_ms(day::timestamp) as time, branch_id,
                100.0 * sum(csat_satisfied) / nullif(sum(csat_rated), 0) as value
         from agg_interaction_daily group by day, branch_id having sum(csat_rated) > 0 order by 1, 2`
      );
      expect(expected.length).toBeGreaterThan(100);
      expect(
        report.alert.map(({ time, utcOffsetSeconds, branch }) => [Date.parse(time), utcOffsetSeconds, branch])
      ).toEqual(expected.map((row) => [row.time, 0, row.branch_id]));
      report.alert.forEach((row, i) => {
        expect(row.value).toBeCloseTo(Number(expected[i].value), 9);
        // numeric(6, 2) arrives as text and database/sql parses it into float64.
        expect(row.rounded).toBeCloseTo(Number(expected[i].value), 2);
      });
    });

    it('binds $1 and $2 (a string and a time.Time)', async () => {
      const [expected] = await truth(
        `select count(*)::integer as contacts, sum(handle_seconds)::bigint as handle_seconds
         from fct_interactions where branch_id = 'B2' and opened_at >= timestamp '2024-02-01'`
      );
      expect(report.parameters).toEqual({ contacts: expected.contacts, handleSeconds: expected.handle_seconds });
      expect(report.parameters.contacts).toBeGreaterThan(0);
    });

    it('gets a write refused as a pq error with the read-only message', () => {
      expect(report.refused).toMatch(/^pq: .*read-only/);
    });
  });
});
