import type { DuckDBConnection } from '@duckdb/node-api';
import type { RandomSource } from '../randomSource';
import type { SeedPlan } from '../seedPlan';
import { sqlAt, sqlDoubleList, sqlOrdinal, sqlPick } from '../sqlValues';
import { channelCode, channels } from '../vocabulary/channels';
import { comments } from '../vocabulary/comments';
import { responseKeySql } from './responseColumns';

/** Kiosk taps and QR ratings per customer of the branch and open day. */
const KIOSK_PER_CUSTOMER_DAY = 0.0105;
const QR_PER_CUSTOMER_DAY = 0.0021;
const SMILEY_CUTS = [-1.5, -0.7, 0.2, 1.1];
const STARS_CUTS = [-1.2, -0.5, 0.3, 1.2];

/**
 * Branch-days with their rating counts (work table seed_branch_days): the
 * volume follows the branch's size and its walk-in traffic (the in-person
 * weekday pattern and season; closed days get none). Made
 * a table of its own because DuckDB parallelises a query over the row
 * groups of its source: expanding ratings straight from the small
 * branches x calendar product would run on one thread.
 */
export const generateBranchDays = async (
  connection: DuckDBConnection,
  plan: SeedPlan,
  random: RandomSource
): Promise<void> => {
  const visitVolume = sqlDoubleList(channels[channelCode('in_person')].weekdayVolume);
  await connection.run(`
    create or replace temp table seed_branch_days as
    with branch_days as (
        select
            b.branch_n,
            b.quality,
            b.customer_hi - b.customer_lo as customers,
            cal.day_n,
            cal.season,
            ${sqlAt(visitVolume, 'cal.weekday')} as volume,
            case cal.weekday when 5 then 1 when 6 then 2 else 0 end as hours_slot,
            list_extract(cal.utc_offsets, b.region_n + 1) as utc_offset,
            b.branch_n::bigint * ${plan.windowDays} + cal.day_n as branch_day_key
        from seed_branches as b
        cross join seed_calendar as cal
    ),
    visited as (
        select
            *,
            customers * volume * season * ${random.lognormal('branch-day/traffic', 'branch_day_key', 1, 0.25)} as traffic
        from branch_days
        where volume > 0
    )
    select
        branch_n, quality, day_n, hours_slot, utc_offset, branch_day_key,
        0.35 * ${random.normal('branch-day/mood', 'branch_day_key')} as mood,
        floor(traffic * ${KIOSK_PER_CUSTOMER_DAY} + ${random.uniform('branch-day/kiosk-count', 'branch_day_key')})::integer as kiosk_count,
        floor(traffic * ${QR_PER_CUSTOMER_DAY} + ${random.uniform('branch-day/qr-count', 'branch_day_key')})::integer as qr_count
    from visited
  `);
};

/**
 * Anonymous ratings at the branch: smiley kiosks by the door and QR codes
 * on the counter (stars), in opening hours. The score follows the branch's
 * quality and the mood of the day. QR codes draw slightly more unhappy
 * visitors, who came looking for a way to say so.
 */
export const branchResponses = (plan: SeedPlan, random: RandomSource): string => {
  const visit = channels[channelCode('in_person')];
  const opens = sqlDoubleList(visit.hours.map((hours) => hours[0]));
  const closes = sqlDoubleList(visit.hours.map((hours) => hours[1]));
  const cap = plan.maxBranchRatingsPerDay - 1;
  return `
    with rated as (
        select *, unnest(range(least(${cap}, kiosk_count + qr_count))) as rating_n
        from seed_branch_days
    ),
    keyed as (
        select
            *,
            rating_n >= kiosk_count as is_qr,
            branch_day_key * ${plan.maxBranchRatingsPerDay} + rating_n as rating_key
        from rated
    ),
    timed as (
        select
            *,
            ${plan.windowStartEpoch}::bigint + day_n * 86400 - utc_offset
                + floor(3600 * (${sqlAt(opens, 'hours_slot')}
                    + (${sqlAt(closes, 'hours_slot')} - ${sqlAt(opens, 'hours_slot')}) * ${random.uniform('branch-rating/time', 'rating_key')}))::bigint
                as responded_epoch
        from keyed
    ),
    drawn as (
        select
            *,
            1.05 + 0.6 * quality + mood - 0.35 * is_qr::integer + ${random.normal('branch-rating/score', 'rating_key')} as latent
        from timed
        -- a late-evening local hour can fall on the next UTC day, past the window
        where responded_epoch >= ${plan.windowStartEpoch} and responded_epoch < ${plan.windowEndEpoch}
    ),
    scored as (
        select
            *,
            case when is_qr then ${sqlOrdinal('latent', STARS_CUTS)} else ${sqlOrdinal('latent', SMILEY_CUTS)} end as score
        from drawn
    )
    select
        ${responseKeySql(plan, 'branch', 'rating_key')} as response_key,
        branch_n,
        null::varchar as customer_id,
        null::bigint as contact_key,
        case when is_qr then 'qr' else 'kiosk' end as touchpoint,
        case when is_qr then 'stars_5' else 'smiley_5' end as instrument,
        score::double as score,
        responded_epoch,
        case
            when ${random.uniform('branch-rating/comment', 'rating_key')} >= case when is_qr then 0.12 else 0.03 end then null
            when score <= 2 then ${sqlPick(random.uniform('branch-rating/comment-text', 'rating_key'), comments.branchNegative)}
            when score >= 4 then ${sqlPick(random.uniform('branch-rating/comment-text', 'rating_key'), comments.branchPositive)}
        end as comment
    from scored
  `;
};
