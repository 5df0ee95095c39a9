import type { DuckDBConnection } from '@duckdb/node-api';
import type { SeedPlan } from './seedPlan';
import { sqlDoubleList } from './sqlValues';
import { regions } from './vocabulary/regions';
import { quoteLiteral } from '@touchpoint/server/src/db/quoteIdentifier';

/**
 * Contact volume by month, January first: busy after the holidays and at
 * the year's end, quiet in summer.
 */
export const monthlyVolume: readonly number[] = [1.12, 1.02, 1, 0.97, 0.95, 0.92, 0.86, 0.88, 1, 1.02, 1.06, 1.14];
export const MAX_MONTHLY_VOLUME = Math.max(...monthlyVolume);

/**
 * One row per day of the window: weekday, seasonal volume and each region's
 * UTC offset at local noon. Events are drawn in local business hours and
 * turned into UTC with this table, so ICU runs a few thousand times instead
 * of once per row. (Events at 2-3 a.m. on a DST switch night are off by an
 * hour, which no business-hours pattern notices.)
 */
export const generateCalendar = async (connection: DuckDBConnection, plan: SeedPlan): Promise<void> => {
  const offsets = regions
    .map(
      (region) =>
        `(epoch(day + interval 12 hour) - epoch(timezone(${quoteLiteral(region.timezone)}, day + interval 12 hour)))::integer`
    )
    .join(', ');
  await connection.run(`
    create or replace temp table seed_calendar as
    with days as (
        select i::integer as day_n, date ${quoteLiteral(plan.windowStart)} + i::integer as day
        from range(${plan.windowDays}) as t(i)
    )
    select
        day_n,
        (isodow(day) - 1)::integer as weekday,
        list_extract(${sqlDoubleList(monthlyVolume)}, month(day)) as season,
        [${offsets}] as utc_offsets
    from days
  `);
};
