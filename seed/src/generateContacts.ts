import type { DuckDBConnection } from '@duckdb/node-api';
import { agentSkillSql } from './agentSkill';
import { MAX_MONTHLY_VOLUME, monthlyVolume } from './generateCalendar';
import type { RandomSource } from './randomSource';
import type { SeedPlan } from './seedPlan';
import { quoteLiteral } from '@touchpoint/server/src/db/quoteIdentifier';
import { sqlAt, sqlDouble, sqlDoubleList, sqlWeightedIndex } from './sqlValues';
import { channelCode, channels } from './vocabulary/channels';
import { segments } from './vocabulary/segments';
import { topics } from './vocabulary/topics';

/**
 * Share of drawn issue dates that survive weekday and seasonal thinning, for
 * a typical channel mix; customers draw 1/acceptance candidates per issue.
 */
export const issueAcceptance = (): number => {
  const mix = channels.map((channel) => channel.mix[0]);
  const total = mix.reduce((sum, weight) => sum + weight, 0);
  const weekday = channels.reduce(
    (sum, channel, i) => sum + (mix[i] / total) * (channel.weekdayVolume.reduce((a, b) => a + b, 0) / 7),
    0
  );
  const season = monthlyVolume.reduce((a, b) => a + b, 0) / monthlyVolume.length / MAX_MONTHLY_VOLUME;
  return weekday * season;
};

/** Branch quality's pull on waiting and resolution times (log scale). */
const QUALITY_ON_SPEED = 0.3;
/** Log-odds that an issue needs another contact, before difficulty and quality. */
const REPEAT_INTERCEPT = -1.7;
/** Chance a contact stays open for good, more at weak branches. */
const STUCK_SHARE = 0.00015;
/** A contact is slow when its time is this many sigmas above the channel's median. */
const SLOW_Z = 1;
/** Per-contact chance of ending the relationship, before how bad it was. */
const CHURN_TRIGGER_BASE = 0.0045;
/** Median days between the contact that made a customer leave and the end. */
const CHURN_LAG_DAYS = 14;
/** Share of identified contacts that answer the after-service survey. */
const SURVEY_RESPONSE = 0.3;

const channelList = (pick: (channel: (typeof channels)[number]) => number): string => sqlDoubleList(channels.map(pick));

/**
 * Every service contact any customer would make before the baseline end of
 * their relationship (work table seed_contacts), with its outcome, whether
 * the customer answers the after-service survey, and whether it makes the
 * customer leave. Contacts after the eventual end are dropped when written.
 *
 * Issues arrive per customer at a segment rate; their dates are thinned by
 * the channel's weekday volume and the season, their times fall in the
 * channel's local opening hours. A hard issue at a weak branch needs repeat
 * contacts on the same topic a few days apart (so first-contact resolution
 * varies), and waits and resolutions are lognormal per channel, slower at
 * weak branches and with weak agents.
 */
export const generateContacts = async (
  connection: DuckDBConnection,
  plan: SeedPlan,
  random: RandomSource
): Promise<void> => {
  const phone = channelCode('phone');
  const inPerson = channelCode('in_person');
  const selfService = channelCode('self_service');
  const channelBySegment = `(case segment_n ${segments
    .map(
      (_, s) =>
        `when ${s} then ${sqlWeightedIndex(
          'u_channel',
          channels.map((channel) => channel.mix[s])
        )}`
    )
    .join(' ')} end)`;
  const weekdayVolume = sqlDoubleList(channels.flatMap((channel) => channel.weekdayVolume));
  const opens = sqlDoubleList(channels.flatMap((channel) => channel.hours.map((hours) => hours[0])));
  const closes = sqlDoubleList(channels.flatMap((channel) => channel.hours.map((hours) => hours[1])));
  const frtMedian = channelList((channel) => channel.firstResponse?.median ?? 1);
  const frtSigma = channelList((channel) => channel.firstResponse?.sigma ?? 1);
  const handleMedian = channelList((channel) => channel.handle?.median ?? 1);
  const handleSigma = channelList((channel) => channel.handle?.sigma ?? 1);
  const resolutionMedian = channelList((channel) => channel.resolution.median);
  const resolutionSigma = channelList((channel) => channel.resolution.sigma);
  const anonymousShare = channelList((channel) => channel.anonymousShare);
  const topicDifficulty = sqlDoubleList(topics.map((topic) => topic.difficulty));
  const topicChurn = sqlDoubleList(topics.map((topic) => topic.churnWeight));
  const segmentSensitivity = sqlDoubleList(segments.map((segment) => segment.serviceSensitivity));
  const u = (stream: string, key: string) => random.uniform(stream, key);

  await connection.run(`
    create or replace temp table seed_contacts as
    with candidates as (
        select
            customer_n, branch_n, region_n, agent_count, quality, segment_n, leniency,
            started_epoch, active_to_epoch, from_day, to_day,
            unnest(range(issue_candidates))::integer as issue_j
        from seed_customers
        where issue_candidates > 0 and to_day > from_day
    ),
    issue_draws as (
        select
            *,
            customer_n::bigint * ${plan.maxIssuesPerCustomer} + issue_j as issue_key
        from candidates
    ),
    issue_dates as (
        select
            *,
            from_day + floor(${u('issue/day', 'issue_key')} * (to_day - from_day))::integer as issue_day,
            ${u('issue/channel', 'issue_key')} as u_channel,
            ${u('issue/topic', 'issue_key')} as u_topic
        from issue_draws
    ),
    issues as (
        select
            *,
            ${channelBySegment} as first_channel,
            ${sqlWeightedIndex(
              'u_topic',
              topics.map((topic) => topic.share)
            )} as topic_n
        from issue_dates
    ),
    -- thinning: a date is kept in proportion to its weekday's and month's volume
    accepted as (
        select *
        from issues
        where ${u('issue/accept', 'issue_key')} * ${sqlDouble(MAX_MONTHLY_VOLUME)}
            < ${sqlAt(weekdayVolume, `first_channel * 7 + (${plan.firstWeekday} + issue_day) % 7`)}
              * list_extract(${sqlDoubleList(monthlyVolume)}, month(date ${quoteLiteral(plan.windowStart)} + issue_day))
    ),
    difficult as (
        select
            *,
            ${sqlAt(topicDifficulty, 'topic_n')} + 0.5 * ${random.normal('issue/difficulty', 'issue_key')} as difficulty,
            ${u('issue/repeats', 'issue_key')} as u_repeats,
            ${random.lognormal('issue/gap', 'issue_key', 1.2, 0.5)} as gap_days
        from accepted
    ),
    attempted as (
        select
            *,
            1 / (1 + exp(-(${REPEAT_INTERCEPT} + 0.9 * difficulty - 0.4 * quality))) as p_repeat
        from difficult
    ),
    counted as (
        select
            *,
            1 + (u_repeats < p_repeat)::integer + (u_repeats < p_repeat * 0.45)::integer + (u_repeats < p_repeat * 0.18)::integer
                as attempts
        from attempted
    ),
    expanded as (
        select *, unnest(range(attempts))::integer as attempt
        from counted
    ),
    contact_keys as (
        select
            *,
            issue_key * ${plan.maxAttemptsPerIssue} + attempt as contact_key,
            -- repeats come a few days apart, strictly later than the attempt before
            issue_day + case
                when attempt = 0 then 0
                else attempt + floor((attempt + 0.9 * ${u('contact/gap', `issue_key * ${plan.maxAttemptsPerIssue} + attempt`)}) * gap_days)::integer
            end as day_n
        from expanded
    ),
    contact_draws as (
        select
            *,
            -- a repeat escalates to the phone half the time, and always from a visit or self-service
            case
                when attempt = 0 then first_channel
                when first_channel in (${inPerson}, ${selfService}) or ${u('contact/escalate', 'contact_key')} < 0.5 then ${phone}
                else first_channel
            end as channel_n,
            ${u('contact/hour-a', 'contact_key')} + ${u('contact/hour-b', 'contact_key')} as u_hour
        from contact_keys
        where day_n < ${plan.windowDays}
    ),
    located as (
        select
            c.*,
            cal.weekday,
            list_extract(cal.utc_offsets, c.region_n + 1) as utc_offset,
            channel_n * 3 + case cal.weekday when 5 then 1 when 6 then 2 else 0 end as hours_slot
        from contact_draws as c
        join seed_calendar as cal using (day_n)
    ),
    opened as (
        select
            *,
            -- local opening hours, busiest mid-day (sum of two uniforms), then to UTC
            ${plan.windowStartEpoch}::bigint + day_n * 86400
                + floor(3600 * (${sqlAt(opens, 'hours_slot')} + (${sqlAt(closes, 'hours_slot')} - ${sqlAt(opens, 'hours_slot')}) * u_hour / 2))::bigint
                - utc_offset as opened_epoch
        from located
    ),
    in_life as (
        select
            *,
            channel_n <> ${selfService} as has_agent,
            case when channel_n <> ${selfService} then floor(${u('contact/agent', 'contact_key')} * agent_count)::integer end as agent_n
        from opened
        where opened_epoch >= started_epoch and opened_epoch < active_to_epoch
    ),
    timed as (
        select
            *,
            ${agentSkillSql(random, 'branch_n', 'agent_n')} as agent_skill,
            -${QUALITY_ON_SPEED} * quality + ${sqlAt(frtSigma, 'channel_n')} * ${random.normal('contact/first-response', 'contact_key')} as frt_log,
            0.25 * difficulty + ${sqlAt(handleSigma, 'channel_n')} * ${random.normal('contact/handle', 'contact_key')} as handle_log,
            0.45 * difficulty - ${QUALITY_ON_SPEED} * quality + ${sqlAt(resolutionSigma, 'channel_n')} * ${random.normal('contact/resolution', 'contact_key')}
                as resolution_log,
            ${u('contact/stuck', 'contact_key')} < ${STUCK_SHARE} * (1 + 2 * (quality < -1)::integer) as stuck
        from in_life
    ),
    durations as (
        select
            *,
            case when has_agent then round(${sqlAt(frtMedian, 'channel_n')} * exp(frt_log))::bigint end as frt_seconds,
            case when has_agent then round(${sqlAt(handleMedian, 'channel_n')} * exp(handle_log - 0.15 * agent_skill))::bigint end as handle_raw,
            round(${sqlAt(resolutionMedian, 'channel_n')} * exp(resolution_log - 0.25 * coalesce(agent_skill, 0)))::bigint as work_seconds,
            case when has_agent then frt_log / ${sqlAt(frtSigma, 'channel_n')} else 0 end as frt_z,
            resolution_log / ${sqlAt(resolutionSigma, 'channel_n')} as resolution_z
        from timed
    ),
    stamped as (
        select
            *,
            case when opened_epoch + frt_seconds < ${plan.windowEndEpoch} then opened_epoch + frt_seconds end as first_response_epoch,
            case
                when stuck then null
                when opened_epoch + coalesce(frt_seconds, 0) + coalesce(handle_raw, 0) + work_seconds < ${plan.windowEndEpoch}
                    then opened_epoch + coalesce(frt_seconds, 0) + coalesce(handle_raw, 0) + work_seconds
            end as resolved_epoch,
            attempt > 0 as is_repeat,
            attempt < attempts - 1 as will_repeat
        from durations
    ),
    judged as (
        select
            *,
            case when first_response_epoch is not null then handle_raw::integer end as handle_seconds,
            resolved_epoch is null as unresolved,
            frt_z > ${SLOW_Z} or resolution_z > ${SLOW_Z} as slow,
            0.5 * greatest(frt_z, 0) + 0.6 * greatest(resolution_z, 0)
                + 0.9 * is_repeat::integer + 0.9 * will_repeat::integer + 1.2 * (resolved_epoch is null)::integer as bad_score,
            ${u('contact/anonymous', 'contact_key')} < ${sqlAt(anonymousShare, 'channel_n')} as anonymous
        from stamped
    )
    select
        contact_key,
        customer_n,
        branch_n,
        channel_n::utinyint as channel_n,
        topic_n::utinyint as topic_n,
        agent_n::smallint as agent_n,
        anonymous,
        opened_epoch,
        first_response_epoch,
        resolved_epoch,
        handle_seconds,
        slow or is_repeat or will_repeat or unresolved as is_bad,
        will_repeat,
        -- how slow the contact was for its channel, for the survey answer
        frt_z::float as frt_z,
        resolution_z::float as resolution_z,
        (handle_log / ${sqlAt(handleSigma, 'channel_n')})::float as handle_z,
        -- the contact that makes a customer leave: likelier when it went badly,
        -- on some topics (complaints, cancellations) and at weak branches
        case
            when ${u('contact/churn', 'contact_key')}
                < least(0.95, ${CHURN_TRIGGER_BASE} * ${sqlAt(topicChurn, 'topic_n')} * ${sqlAt(segmentSensitivity, 'segment_n')}
                    * exp(0.9 * bad_score - 0.3 * quality))
            then coalesce(resolved_epoch, opened_epoch)
                + round(86400 * ${random.lognormal('contact/churn-lag', 'contact_key', CHURN_LAG_DAYS, 0.8)})::bigint
        end as churn_epoch,
        -- identified customers answer the after-service survey, the unhappy more often
        not anonymous and ${u('survey/respond', 'contact_key')} < ${SURVEY_RESPONSE} * (1 + 0.5 * (bad_score > 1)::integer) as surveyed
    from judged
  `);
};
