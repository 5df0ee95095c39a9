import type { DuckDBConnection } from '@duckdb/node-api';
import { replaceDatabase } from '../warehouse/replaceDatabase';

/**
 * A small but complete warehouse: three branches in two regions, customers
 * who stay and leave, contacts on every channel, ratings from every kind of
 * touchpoint and follow-up cases on NPS detractors, January to April 2024.
 * Generated in SQL from fixed arithmetic (no randomness), so every run
 * builds the same file.
 */
export const smallWarehouseSql = `
  insert into raw.branches values
    ('B1', 'Harbour Street', 'North', 'Europe/London'),
    ('B2', 'Mill Lane', 'North', 'Europe/London'),
    ('B3', 'Quay Road', 'South', 'Europe/Paris');
  insert into raw.customers
  select 'C' || lpad(i::varchar, 3, '0'),
         'B' || (1 + i % 3),
         case when i % 5 = 0 then 'enterprise' else 'consumer' end,
         timestamp '2023-10-01' + to_days(i % 150),
         case when i % 4 = 0 then timestamp '2024-01-15' + to_days(i % 90) end,
         10 + i % 40
  from range(1, 121) as t(i);
  insert into raw.interactions
  select 'I' || lpad(i::varchar, 4, '0'),
         'C' || lpad((1 + i % 120)::varchar, 3, '0'),
         'B' || (1 + (i % 120) % 3),
         (['phone', 'email', 'chat', 'social', 'in_person', 'self_service'])[1 + i % 6],
         'A' || (i % 7),
         (['billing', 'technical', 'account'])[1 + i % 3],
         timestamp '2024-01-01 08:00' + to_minutes(i * 97),
         timestamp '2024-01-01 08:00' + to_minutes(i * 97) + to_seconds(30 + i % 600),
         case when i % 25 = 0 then null else timestamp '2024-01-01 08:00' + to_minutes(i * 97) + to_minutes(10 + i % 300) end,
         60 + i % 900
  from range(1, 1701) as t(i);
  insert into raw.responses
  select 'S' || lpad(i::varchar, 4, '0'), branch_id, customer_id, interaction_id, 'after_service', 'csat_5',
         1 + (i * 7) % 5, opened_at + interval 2 hour, case when i % 50 = 0 then 'thanks, quick' end
  from (select row_number() over (order by interaction_id) as i, * from raw.interactions) where i % 2 = 0;
  insert into raw.responses
  select 'K' || lpad(i::varchar, 4, '0'), 'B' || (1 + i % 3), null, null,
         (['kiosk', 'qr'])[1 + i % 2], 'smiley_5',
         -- Branch B2 is rated well, B3 badly, B1 across the scale.
         case i % 3 when 1 then 3 + i % 3 when 2 then 1 + i % 3 else 1 + (i * 3) % 5 end,
         timestamp '2024-01-01 09:00' + to_minutes(i * 131), null
  from range(1, 1201) as t(i);
  insert into raw.responses
  select 'N' || lpad(i::varchar, 4, '0'), 'B' || (1 + i % 3), 'C' || lpad((1 + i % 120)::varchar, 3, '0'), null,
         (['email', 'sms', 'web', 'app'])[1 + i % 4], 'nps_11', (i * 7) % 11,
         timestamp '2024-01-02 12:00' + to_minutes(i * 211), null
  from range(1, 501) as t(i);
  -- Follow-up cases on three in four NPS detractors, B1 the quickest to call
  -- back and B3 the slowest; some never contacted, some still open. All end
  -- before the last contact, so the data's as-of stays 2024-04-24 22:20.
  insert into raw.followups
  select 'F' || lpad(i::varchar, 4, '0'), 'N' || lpad(i::varchar, 4, '0'), opened_at,
         case when i % 7 <> 0 then opened_at + to_hours(contact_hours) end,
         case when i % 9 <> 0 then opened_at + to_hours(contact_hours + i % 20) end,
         (['Ann', 'Ben', null])[1 + i % 3], case when i % 5 <> 0 then (['billing', 'staff', 'product'])[1 + i % 3] end
  from (
      select i, timestamp '2024-01-02 12:00' + to_minutes(i * 211) + to_hours(1 + i % 5) as opened_at,
             (i % 24) * (1 + i % 3) as contact_hours
      from range(1, 501) as t(i)
      where (i * 7) % 11 < 7 and i % 4 <> 0
  );
`;

export const fillSmallWarehouse = async (connection: DuckDBConnection) => {
  await connection.run(smallWarehouseSql);
};

/** Writes the small warehouse to `path` the way a load does. */
export const writeSmallWarehouse = (path: string) => replaceDatabase(path, fillSmallWarehouse);
