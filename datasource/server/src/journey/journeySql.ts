import { journeyDimensions, type JourneyDimension, type JourneyQuery } from '@touchpoint/contract/src/queryRequest';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import { bindTextList, bindTimestamp, type BoundQuery } from '../db/boundQuery';
import { QueryError } from '../service/queryError';

export type JourneyShape = Pick<JourneyQuery, 'groupBy' | 'filters'>;

/** The group's own columns, in frame order: the touchpoint, each dimension asked for, the branch's name with its id. */
export const journeyGroupColumns = (groupBy: readonly JourneyDimension[]): string[] => [
  'touchpoint',
  ...groupBy,
  ...(groupBy.includes('branch_id') ? ['branch_name'] : []),
];

/** What identifies a group: the touchpoint and each dimension asked for. */
export const journeyGroupKeys = (groupBy: readonly JourneyDimension[]): string[] => ['touchpoint', ...groupBy];

/**
 * The pieces both statements share: the group keys, the ratings of a range
 * with the query's filters, and the parameters bound so far. Dimensions are
 * spliced from the contract's fixed list; values are bound.
 */
const journeyParts = (query: JourneyShape) => {
  const repeated = query.groupBy.filter((dimension, i) => query.groupBy.indexOf(dimension) !== i);
  if (repeated.length > 0) {
    throw new QueryError(
      'bad_request',
      `journey groupBy names ${repeated[0]} twice; each of ${journeyDimensions.join(', ')} at most once`
    );
  }
  const keyList = journeyGroupKeys(query.groupBy);
  const params: BoundQuery['params'] = {};
  const types: BoundQuery['types'] = {};
  const filters: string[] = [];
  for (const dimension of journeyDimensions) {
    const values = query.filters[dimension];
    // An empty list is no choice made (Grafana's "All" with nothing picked), not "none".
    if (values && values.length > 0) {
      const list = bindTextList(values);
      params[`only_${dimension}`] = list.value;
      types[`only_${dimension}`] = list.type;
      filters.push(`and list_contains($only_${dimension}, ${dimension})`);
    }
  }
  const bind = (name: string, ms: number) => {
    const bound = bindTimestamp(ms);
    params[name] = bound.value;
    types[name] = bound.type;
    return `$${name}`;
  };
  const span = (name: string, range: TimeRange) =>
    `responded_at >= ${bind(`${name}_from`, range.from)} and responded_at < ${bind(`${name}_to`, range.to)}`;
  /** The ratings of a range the query reads, with the columns both statements need. */
  const ratings = (name: string, range: TimeRange, extra = '') =>
    `select ${keyList.join(', ')}, customer_id, customer_ended_at, is_negative, sli_points, responded_at
        from fct_journey_ratings
        where ${span(name, range)}
            ${filters.join('\n            ')}${extra}`;
  return { keys: keyList.join(', '), keyList, params, types, ratings };
};

// docs/metrics.md: churned when the relationship ended after the reference time and within the window;
// a customer whose window reaches past the data's end is counted, and told apart as incomplete.
const churned = (reference: string, ended: string) =>
  `coalesce(${ended} > ${reference} and ${ended} <= ${reference} + s.churn_window, false)`;
const incomplete = (reference: string) => `${reference} + s.churn_window > s.as_of`;

const settings = `settings as (
        select to_days(p.churn_window_days) as churn_window, i.as_of
        from model_params as p, model_info as i
    )`;

/** Each group's name and place beside its counts: the touchpoint's order and, grouped by branch, the branch's name. */
const namedGroups = (groupBy: readonly JourneyDimension[], counts: string, from: string) => `
    select
        ${journeyGroupKeys(groupBy)
          .map((key) => `g.${key}`)
          .join(', ')},
        ${groupBy.includes('branch_id') ? 'b.branch_name,' : ''}
        w.touchpoint_order,
        ${counts}
    from ${from}
    left join sli_touchpoint_weights as w on w.touchpoint = g.touchpoint
    ${groupBy.includes('branch_id') ? 'left join dim_branches as b on b.branch_id = g.branch_id' : ''}
    order by w.touchpoint_order, ${journeyGroupKeys(groupBy)
      .map((key) => `g.${key}`)
      .join(', ')}`;

/** Two groups' keys equal, a missing segment equal to a missing segment. */
const sameGroup = (keyList: readonly string[], left: string, right: string) =>
  keyList.map((key) => `${left}.${key} is not distinct from ${right}.${key}`).join(' and ');

/**
 * Where the journey leaks (docs/metrics.md), as one statement over
 * fct_journey_ratings: per group (the touchpoint and the dimensions asked
 * for), the ratings in the range, the negative ones and their SLI points,
 * and, over the ratings that name a customer, each customer once with their
 * reference time (first negative rating in the group, else first rating)
 * and whether they left within the churn window after it. Counts only: the
 * shares, the lift and its interval are derived from them in journeyRows.
 */
export const journeySql = (query: JourneyShape, range: TimeRange): BoundQuery => {
  const { keys, keyList, params, types, ratings } = journeyParts(query);
  const sql = `
    with ${settings},
    ratings as (
        ${ratings('range', range)}
    ),
    groups as (
        select ${keys}, count(*) as ratings, count_if(is_negative) as negative_ratings, sum(sli_points) as sli_points
        from ratings
        group by ${keys}
    ),
    customers as (
        -- each named customer once per group
        select
            ${keys},
            customer_id,
            coalesce(min(responded_at) filter (where is_negative), min(responded_at)) as reference_at,
            bool_or(is_negative) as exposed,
            any_value(customer_ended_at) as ended_at
        from ratings
        where customer_id is not null
        group by ${keys}, customer_id
    ),
    outcomes as (
        select
            ${keys},
            count_if(exposed) as exposed_n,
            count_if(exposed and churned) as exposed_churned,
            count_if(not exposed) as other_n,
            count_if(not exposed and churned) as other_churned,
            count_if(incomplete) as incomplete_customers
        from (
            select
                c.*,
                ${churned('c.reference_at', 'c.ended_at')} as churned,
                ${incomplete('c.reference_at')} as incomplete
            from customers as c, settings as s
        )
        group by ${keys}
    )
    ${namedGroups(
      query.groupBy,
      `g.ratings,
        g.negative_ratings,
        g.sli_points,
        coalesce(o.exposed_n, 0) as exposed_n,
        coalesce(o.exposed_churned, 0) as exposed_churned,
        coalesce(o.other_n, 0) as other_n,
        coalesce(o.other_churned, 0) as other_churned,
        coalesce(o.incomplete_customers, 0) as incomplete_customers`,
      // a customer's segment may be unknown, and such a group is a group too
      `groups as g
    left join outcomes as o on ${sameGroup(keyList, 'o', 'g')}`
    )}`;
  return { sql, params, types };
};

/**
 * The ratings of the days just outside a range's whole days (journeyWholeDays.ts), one row per
 * rating in time order, each with what its customer did in the group over the whole days: their
 * first rating there and their first negative one. Any range with the same whole days has its
 * partial days inside these, so what they add to the whole days' counts is found from these rows
 * alone (journeyEdges.ts), without reading the whole days again. The customer's firsts are found
 * by customer among the whole days' ratings: the one key that narrows them.
 */
export const journeyBoundarySql = (
  query: JourneyShape,
  whole: TimeRange,
  boundary: readonly TimeRange[]
): BoundQuery => {
  const { keys, keyList, params, types, ratings } = journeyParts(query);
  const sql = `
    with boundary as (
        ${boundary.map((days, i) => ratings(`boundary${i}`, days)).join('\n        union all\n        ')}
    ),
    whole_customers as (
        select
            ${keys},
            customer_id,
            min(responded_at) as first_at,
            min(responded_at) filter (where is_negative) as first_negative_at
        from (${ratings('whole', whole, '\n            and customer_id in (select customer_id from boundary)')})
        group by ${keys}, customer_id
    )
    select
        ${keyList.map((key) => `r.${key}`).join(', ')},
        ${query.groupBy.includes('branch_id') ? 'b.branch_name,' : ''}
        t.touchpoint_order,
        r.customer_id,
        epoch_us(r.responded_at) as at,
        r.is_negative,
        r.sli_points,
        epoch_us(r.customer_ended_at) as ended_at,
        epoch_us(w.first_at) as whole_first_at,
        epoch_us(w.first_negative_at) as whole_first_negative_at
    from boundary as r
    left join whole_customers as w on ${sameGroup(keyList, 'w', 'r')} and w.customer_id = r.customer_id
    left join sli_touchpoint_weights as t on t.touchpoint = r.touchpoint
    ${query.groupBy.includes('branch_id') ? 'left join dim_branches as b on b.branch_id = r.branch_id' : ''}
    order by r.responded_at`;
  return { sql, params, types };
};

/** The two settings the journey's outcomes depend on, as the partial days' count reads them. */
export const journeySettingsSql = `select epoch_us(i.as_of) as as_of, p.churn_window_days
    from model_params as p, model_info as i`;
