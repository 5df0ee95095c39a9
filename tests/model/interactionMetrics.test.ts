import { readRows } from '@touchpoint/server/src/db/readRows';
import { buildTestWarehouse, type TestWarehouse } from '../support/buildTestWarehouse';
import { metricEvaluator, utc } from '../support/metricHelpers';

// Seven contacts at one branch in March 2024, computed by hand below.
const fill = `
  insert into raw.branches values ('B1', 'Harbour Street', 'North', null);
  insert into raw.customers values
    ('C1', 'B1', null, '2023-01-01', null, null),
    ('C2', 'B1', null, '2023-01-01', null, null),
    ('C3', 'B1', null, '2023-01-01', null, null);
  insert into raw.interactions values
    -- id, customer, branch, channel, agent, topic, opened, first response, resolved, handle
    ('I1', 'C1', 'B1', 'phone', 'A1', 'billing', '2024-03-04 09:00:00', '2024-03-04 09:01:00', '2024-03-04 09:10:00', 300),
    ('I2', 'C1', 'B1', 'chat', 'A1', 'billing', '2024-03-08 09:00:00', '2024-03-08 09:02:00', '2024-03-08 09:20:00', 500),
    ('I3', 'C2', 'B1', 'email', null, 'technical', '2024-03-05 10:00:00', '2024-03-05 11:00:00', '2024-03-05 12:00:00', null),
    ('I4', 'C2', 'B1', 'phone', 'A2', 'billing', '2024-03-06 10:00:00', '2024-03-06 10:00:30', null, 200),
    ('I5', 'C3', 'B1', 'phone', 'A2', 'technical', '2024-03-10 12:00:00', null, '2024-03-11 12:00:00', 100),
    ('I6', null, 'B1', 'in_person', 'A3', null, '2024-03-11 08:00:00', '2024-03-11 08:00:00', '2024-03-11 08:05:00', null),
    ('I7', 'C1', 'B1', 'email', null, 'billing', '2024-03-15 09:00:00', '2024-03-15 09:01:30', '2024-03-15 09:01:40', null);
  insert into raw.responses values
    ('S1', 'B1', 'C1', 'I1', 'after_service', 'csat_5', 5, '2024-03-04 12:00', null),
    ('S2a', 'B1', 'C1', 'I2', 'after_service', 'csat_5', 2, '2024-03-08 12:00', 'slow'),
    ('S2b', 'B1', 'C1', 'I2', 'after_service', 'csat_5', 4, '2024-03-09 12:00', 'sorted in the end'),
    ('S3', 'B1', 'C2', 'I3', 'after_service', 'csat_5', 3, '2024-03-05 13:00', null),
    ('S5', 'B1', 'C3', 'I5', 'after_service', 'csat_5', 4, '2024-03-11 13:00', null),
    ('S6', 'B1', null, 'I6', 'after_service', 'csat_5', 1, '2024-03-11 09:00', null),
    ('E1', 'B1', 'C1', 'I1', 'after_service', 'ces_7', 7, '2024-03-04 12:00', null),
    ('E2', 'B1', 'C1', 'I2', 'after_service', 'ces_7', 6, '2024-03-09 12:00', null),
    ('E3', 'B1', 'C2', 'I3', 'after_service', 'ces_7', 2, '2024-03-05 13:00', null),
    ('E4', 'B1', 'C2', 'I4', 'after_service', 'ces_7', 4, '2024-03-06 13:00', null),
    ('E5', 'B1', 'C3', 'I5', 'after_service', 'ces_7', 5, '2024-03-11 13:00', null);
`;

const march = { from: utc('2024-03-01T00:00:00'), to: utc('2024-04-01T00:00:00') };

describe('interaction-level metrics on a hand-computed fixture', () => {
  let warehouse: TestWarehouse;
  let metrics: Awaited<ReturnType<typeof metricEvaluator>>;
  beforeAll(async () => {
    warehouse = await buildTestWarehouse(fill);
    metrics = await metricEvaluator(warehouse.connection);
  });
  afterAll(() => warehouse.close());

  const bothSources = (name: string, expected: number) => async () => {
    expect(await metrics.value(name, march, 'rollup')).toBeCloseTo(expected, 10);
    expect(await metrics.value(name, march, 'fact')).toBeCloseTo(expected, 10);
  };

  // Latest CSAT per contact: I1 5, I2 4 (its later answer), I3 3, I5 4, I6 1 -> 3 of 5 satisfied.
  it('CSAT counts 4 and 5 as satisfied over rated contacts, latest answer per contact: 60%', bothSources('csat', 60));
  // CES: 7, 6, 2, 4, 5 -> mean 24 / 5.
  it('CES mean is the mean score of rated contacts: 4.8', bothSources('ces_mean', 4.8));
  // Easy (6..7): 2; hard (1..3): 1; rated: 5 -> 100 * (2 - 1) / 5.
  it('CES index is easy share minus hard share: 20', bothSources('ces_index', 20));
  // Handle seconds reported by I1 300, I2 500, I4 200, I5 100.
  it('AHT is the mean of reported handle seconds: 275', bothSources('aht', 275));
  it('volume counts every contact: 7', bothSources('volume', 7));
  it('open contacts are those without resolution: 1', bothSources('open_contacts', 1));
  // Eligible (resolved, known customer): I1, I2, I3, I5, I7.
  // I1 is followed by I2 (same customer and topic, 4 days); I2 by I7 exactly 7 days later
  // (the window is inclusive); I3's follow-up I4 is another topic. -> 3 of 5.
  it('FCR counts resolved contacts with no same-topic repeat within 7 days: 60%', bothSources('fcr', 60));

  // First responses: 60, 120, 3600, 30, 0, 90 -> sorted 0 30 60 90 120 3600.
  it('first response median interpolates the two middle values: 75 s', async () => {
    expect(await metrics.value('frt_median', march, 'fact')).toBe(75);
  });
  it('first response p90 interpolates linearly: 120 + 0.5 * (3600 - 120) = 1860 s', async () => {
    expect(await metrics.value('frt_p90', march, 'fact')).toBe(1860);
  });
  // Resolutions (I4 open, excluded): 600, 1200, 7200, 86400, 300, 100.
  it('resolution median excludes open contacts: (600 + 1200) / 2 = 900 s', async () => {
    expect(await metrics.value('resolution_median', march, 'fact')).toBe(900);
  });
  it('resolution p90: 7200 + 0.5 * (86400 - 7200) = 46800 s', async () => {
    expect(await metrics.value('resolution_p90', march, 'fact')).toBe(46800);
  });
  it('mean first response and resolution times use only contacts that have them', async () => {
    expect(await metrics.value('frt_mean', march)).toBeCloseTo(3900 / 6, 10);
    expect(await metrics.value('resolution_mean', march)).toBeCloseTo(95800 / 6, 10);
  });

  it('a longer FCR window turns an inclusive 7-day repeat into a longer chain only when asked', async () => {
    const wider = await buildTestWarehouse(fill, { fcrWindowDays: 1 });
    try {
      // With a 1-day window no contact has a same-topic repeat: 5 of 5.
      expect(await (await metricEvaluator(wider.connection)).value('fcr', march)).toBe(100);
      const [params] = await readRows(wider.connection, 'select fcr_window_days from model_params');
      expect(params.fcr_window_days).toBe(1);
    } finally {
      wider.close();
    }
  });

  it('groups by channel from the rollup exactly as from the fact', async () => {
    const query = { groupBy: ['channel'] };
    const fromRollup = await metrics.rows('csat', query, march, 'rollup');
    const fromFact = await metrics.rows('csat', query, march, 'fact');
    expect(fromRollup).toEqual(fromFact);
    expect(fromRollup).toEqual([
      { channel: 'chat', value: 100, n: 1 },
      { channel: 'email', value: 0, n: 1 },
      { channel: 'in_person', value: 0, n: 1 },
      { channel: 'phone', value: 100, n: 2 },
    ]);
  });

  it.each(['csat', 'ces_mean', 'ces_index', 'aht', 'fcr', 'volume', 'frt_mean', 'resolution_mean'])(
    '%s over a range cut mid-day is exact: whole days from the rollup plus edge hours from the fact',
    async (name) => {
      // Excludes I1 (09:00 on the 4th) and includes I7 (09:00:00 on the 15th).
      const cut = { from: utc('2024-03-04T09:05:00'), to: utc('2024-03-15T09:00:30') };
      const hybrid = await metrics.rows(name, { groupBy: ['channel'] }, cut, 'hybrid');
      expect(hybrid).toEqual(await metrics.rows(name, { groupBy: ['channel'] }, cut, 'fact'));
      expect(hybrid).not.toEqual(await metrics.rows(name, { groupBy: ['channel'] }, march, 'fact'));
    }
  );
});
