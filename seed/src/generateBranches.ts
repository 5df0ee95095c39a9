import type { DuckDBConnection } from '@duckdb/node-api';
import type { RandomSource } from './randomSource';
import type { SeedPlan } from './seedPlan';
import { MAX_AGENTS_PER_BRANCH, branchIdSql } from './seedIds';
import { sqlStringList } from './sqlValues';
import { branchSites, regions } from './vocabulary/regions';

/** Customers per agent: sets how many agents a branch of a given size has. */
const CUSTOMERS_PER_AGENT = 450;

/**
 * Branches and their hidden traits (work table seed_branches), then
 * raw.branches. Quality is the story of the data: a latent normal, partly
 * shared by the region, that makes a branch slower, repeat more, rate lower
 * and lose more customers. Size is lognormal, so some branches are busy
 * hubs and others small; customers are split over branches by size.
 */
export const generateBranches = async (
  connection: DuckDBConnection,
  plan: SeedPlan,
  random: RandomSource
): Promise<void> => {
  const cityCount = Math.min(...regions.map((region) => region.cities.length));
  const cities = `[${regions.map((region) => sqlStringList(region.cities.slice(0, cityCount))).join(', ')}]`;
  await connection.run(`
    create or replace temp table seed_branches as
    with numbered as (
        select
            i::integer as branch_n,
            (i % ${regions.length})::integer as region_n,
            (i // ${regions.length})::integer as region_seq
        from range(${plan.branchCount}) as t(i)
    ),
    drawn as (
        select
            *,
            round(1000 * ${random.lognormal('branch/size', 'branch_n', 1, 0.45)})::bigint as size_weight,
            0.4 * ${random.normal('region/quality', 'region_n')} + 0.8 * ${random.normal('branch/quality', 'branch_n')} as quality,
            -- Cities are taken in a seeded order per region; a city's later
            -- branches take its sites in a seeded order, so names stay unique.
            (region_seq + floor(${random.uniform('region/city-order', 'region_n')} * ${cityCount})::integer) % ${cityCount} as city_n,
            region_seq // ${cityCount} as city_branch_n
        from numbered
    ),
    sited as (
        select
            *,
            (city_branch_n + floor(${random.uniform('city/site-order', `region_n * ${cityCount} + city_n`)} * ${branchSites.length})::integer)
                % ${branchSites.length} as site_n,
            sum(size_weight) over (order by branch_n rows between unbounded preceding and current row) as cumulative_weight,
            sum(size_weight) over () as total_weight
        from drawn
    ),
    split as (
        select
            branch_n,
            ${branchIdSql(plan, 'branch_n')} as branch_id,
            list_extract(list_extract(${cities}, region_n + 1), city_n + 1)
                || ' ' || list_extract(${sqlStringList(branchSites)}, site_n + 1)
                || case when city_branch_n >= ${branchSites.length} then ' ' || (city_branch_n // ${branchSites.length} + 1)::varchar else '' end
                as name,
            region_n,
            list_extract(${sqlStringList(regions.map((region) => region.name))}, region_n + 1) as region,
            list_extract(${sqlStringList(regions.map((region) => region.timezone))}, region_n + 1) as timezone,
            quality,
            -- Integer weights keep the split exact and independent of summation order.
            (${plan.customerCount} * (cumulative_weight - size_weight) // total_weight)::integer as customer_lo,
            (${plan.customerCount} * cumulative_weight // total_weight)::integer as customer_hi
        from sited
    )
    select *, least(${MAX_AGENTS_PER_BRANCH}, greatest(2, round((customer_hi - customer_lo) / ${CUSTOMERS_PER_AGENT})))::integer as agent_count
    from split
  `);
  await connection.run(`
    insert into raw.branches (branch_id, name, region, timezone)
    select branch_id, name, region, timezone from seed_branches order by branch_n;
  `);
};
