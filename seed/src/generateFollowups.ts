import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '@touchpoint/server/src/db/quoteIdentifier';
import { CLOSE_MEDIAN_HOURS } from './followupPolicy';
import type { RandomSource } from './randomSource';
import type { SeedPlan } from './seedPlan';
import { followupIdSql, responseNumberSql } from './seedIds';
import { sqlDouble, sqlPick, sqlStringList, sqlTimestamp } from './sqlValues';
import { branchTeams, DIGITAL_TEAM, negativeBelow, rootCauses, UNREACHABLE_CAUSE } from './vocabulary/followups';

/** Share of a followed-up customer's negative ratings that fall through the cracks anyway. */
const MISSED_SHARE = 0.08;
/** Share of cases whose customer is never reached at an average branch. */
const UNREACHED_SHARE = 0.09;
/** Share of cases nobody ever closes. */
const STUCK_SHARE = 0.004;
/** Share of cases without a reached customer that are closed after a few attempts. */
const CLOSED_UNREACHED_SHARE = 0.92;
/** Share of cases without an owner. */
const UNASSIGNED_SHARE = 0.03;
/** Share of a branch's cases that go to its second team. */
const SECOND_TEAM_SHARE = 0.25;

/** A rating's SLI points are below 0, or it is an NPS detractor. */
const negativeSql = (): string =>
  `case instrument ${Object.entries(negativeBelow)
    .map(([instrument, below]) => `when ${quoteLiteral(instrument)} then score < ${sqlDouble(below)}`)
    .join(' ')} else false end`;

/**
 * Writes raw.followups: a case for the negative ratings of the customers
 * their branch follows up (the callback hours decided with the customer),
 * except a few that fall through the cracks and those rated too late to be
 * opened before the end of the data. The case opens some time after the
 * rating, the customer is reached after about their callback hours (a few
 * never are) and the case closes after a lognormal time, longer at weak
 * branches; unreached cases are mostly closed after a few days of
 * attempts. Anything after the end of the data has not happened yet, so
 * recent cases are still open. A branch's cases go to its own teams, app
 * and website ratings to the digital team; closed cases name a root cause
 * fitting the kind of rating.
 */
export const generateFollowups = async (
  connection: DuckDBConnection,
  plan: SeedPlan,
  random: RandomSource
): Promise<void> => {
  const u = (stream: string) => random.uniform(stream, 'case_key');
  const cause = (kind: keyof typeof rootCauses) => sqlPick(u('followup/cause-pick'), rootCauses[kind]);
  const end = plan.windowEndEpoch;
  await connection.run(`
    insert into raw.followups (followup_id, response_id, opened_at, first_contact_at, closed_at, owner, root_cause)
    with negative as (
        select
            r.response_id,
            r.touchpoint,
            r.instrument,
            epoch(r.responded_at)::bigint as responded_epoch,
            e.branch_n,
            e.quality,
            e.callback_hours,
            ${responseNumberSql(plan, 'r.response_id')} as case_key
        from raw.responses as r
        join seed_customer_ends as e using (customer_id)
        where e.callback_hours is not null and (${negativeSql()})
    ),
    drawn as (
        select
            *,
            -- from the rating to reaching the customer: about their callback hours
            round(600 + 3600 * callback_hours * ${random.lognormal('followup/contact', 'case_key', 1, 0.5)})::bigint as contact_seconds,
            ${u('followup/open')} as u_open,
            ${u('followup/reached')} < ${UNREACHED_SHARE} * exp(-0.4 * quality) as unreached,
            ${u('followup/close')} as u_close,
            ${u('followup/owner')} as u_owner,
            ${u('followup/cause')} as u_cause
        from negative
        where ${u('followup/missed')} >= ${MISSED_SHARE}
    ),
    timed as (
        select
            *,
            -- opened by the survey tool within minutes, or by hand up to halfway to the callback
            responded_epoch + 300 + floor(u_open * u_open * 0.5 * (contact_seconds - 300))::bigint as opened_epoch,
            case when not unreached then responded_epoch + contact_seconds end as contacted_epoch
        from drawn
    ),
    closed as (
        select
            *,
            case
                when u_close < ${STUCK_SHARE} then null
                when not unreached then contacted_epoch + round(3600 * ${sqlDouble(CLOSE_MEDIAN_HOURS)} * exp(-0.3 * quality)
                    * ${random.lognormal('followup/close-hours', 'case_key', 1, 1)})::bigint
                when u_close < ${CLOSED_UNREACHED_SHARE} then opened_epoch
                    + round(86400 * ${random.lognormal('followup/give-up-days', 'case_key', 6, 0.4)})::bigint
            end as closed_epoch
        from timed
        where opened_epoch < ${end}
    ),
    as_of_end as (
        -- what has happened by the end of the data
        select
            * exclude (contacted_epoch, closed_epoch),
            case when contacted_epoch < ${end} then contacted_epoch end as contacted_epoch,
            case when closed_epoch < ${end} then closed_epoch end as closed_epoch
        from closed
    )
    select
        ${followupIdSql(plan, random, 'case_key')},
        response_id,
        ${sqlTimestamp('opened_epoch')},
        ${sqlTimestamp('contacted_epoch')},
        ${sqlTimestamp('closed_epoch')},
        case
            when u_owner < ${UNASSIGNED_SHARE} then null
            when touchpoint in ('app', 'web') and instrument = 'stars_5' then ${quoteLiteral(DIGITAL_TEAM)}
            else b.name || ' ' || list_extract(
                ${sqlStringList(branchTeams)},
                1 + (floor(${random.uniform('branch/followup-team', 'branch_n')} * ${branchTeams.length})::integer
                    + (u_owner >= ${1 - SECOND_TEAM_SHARE})::integer) % ${branchTeams.length}
            )
        end,
        case
            when closed_epoch is not null and contacted_epoch is null then ${quoteLiteral(UNREACHABLE_CAUSE)}
            -- found on most closed cases, already on some open ones
            when u_cause >= case when closed_epoch is not null then 0.9 when contacted_epoch is not null then 0.3 else 0 end
                then null
            when touchpoint = 'after_service' then ${cause('service')}
            when instrument = 'nps_11' then ${cause('relationship')}
            else ${cause('digital')}
        end
    from as_of_end
    join seed_branches as b using (branch_n)
  `);
};
