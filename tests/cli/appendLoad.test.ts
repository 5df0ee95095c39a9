import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { healthSchema } from '@touchpoint/contract/src/serviceResponses';
import { readRows } from '@touchpoint/server/src/db/readRows';
import { withDatabase } from '@touchpoint/server/src/db/withDatabase';
import { sha256, tempDir, validFixture } from '@touchpoint/server/src/load/testing/loadFixtures';
import { runTouchpoint } from '../support/runTouchpoint';
import { writeIncrementFolder } from '../support/incrementFolder';
import { healthOnceServing, startServiceProcess, type ServiceProcess } from '../support/serviceProcess';

/** The fixture's open contact I2 resolved since, C3 left, and a new contact with its rating. */
const goodIncrement = {
  interactions: [
    'I2,C2,B2,email,,delivery,2024-05-02 14:00:00,2024-05-02 16:30:00,2024-05-06T10:00:00Z,300',
    'I4,C3,B3,chat,A1,billing,2024-05-07T10:00:00Z,,,',
  ],
  customers: ['C3,B1,,2024-03-10T12:00:00Z,2024-05-08T00:00:00Z,'],
  responses: ['R5,B3,C3,I4,after_service,csat_5,2,2024-05-07T11:00:00Z,'],
};

const rows = (db: string, sql: string) =>
  withDatabase(db, { readOnly: true }, (connection) => readRows(connection, sql));

describe('touchpoint load --append', () => {
  const dir = tempDir('append-cli');
  const db = join(dir, 'warehouse.duckdb');
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    const { code, stderr } = await runTouchpoint('load', '--db', db, validFixture);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
  afterAll(async () => {
    await service?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects a bad increment with the report, exit 1, and the served file untouched', async () => {
    const before = sha256(db);
    const bad = writeIncrementFolder(dir, 'bad', {
      responses: [
        // Unknown in the increment and in the warehouse.
        'R6,B9,C9,I9,after_service,csat_5,2,2024-05-07T11:00:00Z,',
        // The same id twice in the increment.
        'R6,B3,C3,I1,after_service,csat_5,2,2024-05-07T11:00:00Z,',
        // R2 moved after the time its case F1 (in the warehouse, not the increment) was opened.
        'R2,B2,C2,I2,email,ces_7,3,2024-05-03 10:00:00,',
      ],
      followups: [
        // A second case for R4, which has F2 in the warehouse; and a case before its rating.
        'F3,R4,2024-05-06T10:00:00Z,,,,',
        'F4,R1,2024-04-01T00:00:00Z,,,,',
      ],
    });
    const { code, stdout, stderr } = await runTouchpoint('load', '--db', db, bad, '--append');
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr.trimEnd().split('\n')).toEqual([
      'load rejected: 8 problems in responses.csv, followups.csv (see below)',
      'file           line  column          value                 rule',
      '-------------  ----  --------------  --------------------  ---------------------------------',
      'responses.csv     2  response_id     R6                    duplicate id',
      'responses.csv     2  branch_id       B9                    unknown branch',
      'responses.csv     2  customer_id     C9                    unknown customer',
      'responses.csv     2  interaction_id  I9                    unknown interaction',
      'responses.csv     3  response_id     R6                    duplicate id',
      'responses.csv     4  responded_at    2024-05-03 10:00:00   after followups.opened_at',
      'followups.csv     2  response_id     R4                    more than one case for the rating',
      'followups.csv     3  opened_at       2024-04-01T00:00:00Z  before responses.responded_at',
      '8 problems in all.',
    ]);
    expect(sha256(db)).toBe(before);
  });

  it('says in one line when the folder holds no contract file', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notes.txt'), 'nothing here');
    const { code, stderr } = await runTouchpoint('load', '--db', db, empty, '--append');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^touchpoint load: .*empty holds none of the contract's files .*nothing to append\n$/);
  });

  it('needs a warehouse to append to', async () => {
    const { code, stderr } = await runTouchpoint('load', '--db', join(dir, 'none.duckdb'), validFixture, '--append');
    expect(code).toBe(1);
    expect(stderr).toMatch(/none\.duckdb does not exist: load it in full first\n$/);
  });

  it('replaces rows by id, adds the rest, and a running service picks the new file up through its watcher', async () => {
    service = await startServiceProcess(db, { TOUCHPOINT_WATCH_INTERVAL_MS: '200' });
    const before = healthSchema.parse(await (await fetch(`${service.url}/api/health`)).json());

    const good = writeIncrementFolder(dir, 'good', goodIncrement);
    const { code, stdout, stderr } = await runTouchpoint('load', '--db', db, good, '--append');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(
      /^appended to .*warehouse\.duckdb: customers 1 \(1 replaced\), interactions 2 \(1 replaced\), responses 1 \(0 replaced\) \(4 rows in \d+\.\ds, [\d,]+ rows\/s; \d+\.\ds with the model\)\n$/
    );
    expect(
      await rows(
        db,
        `select (select count(*) from raw.interactions) as interactions,
                (select resolved_at::varchar from raw.interactions where interaction_id = 'I2') as resolved,
                (select status from dim_customers where customer_id = 'C3') as status,
                (select count(*) from raw.responses) as responses,
                (select csat_score from fct_interactions where interaction_id = 'I4') as csat`
      )
    ).toEqual([{ interactions: 4, resolved: '2024-05-06 10:00:00', status: 'churned', responses: 5, csat: 2 }]);
    const [{ version }] = await rows(db, 'select data_version as version from model_info');

    // The service was not told: its watcher sees the renamed file and serves it.
    const now = await healthOnceServing(service.url, version);
    expect(now.dataVersion).toBe(version);
    expect(now.dataVersion).not.toBe(before.dataVersion);
  });
});
