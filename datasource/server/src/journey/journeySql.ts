import { journeyDimensions, type JourneyDimension, type JourneyQuery } from '@touchpoint/contract/src/queryRequest';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import { bindTextList, bindTimestamp, type BoundQuery } from '../db/boundQuery';
import { QueryError } from '../service/queryError';

/** The group's own columns, in frame order: the touchpoint, each dimension asked for, the branch's name with its id. */
export const journeyGroupColumns = (groupBy: readonly JourneyDimension[]): string[] => [
  'touchpoint',
  ...groupBy,
  ...(groupBy.includes('branch_id') ? ['branch_name'] : []),
];

/**
 * Where the journey leaks (docs/metrics.md), as one statement over
 * fct_journey_ratings: per group (the touchpoint and the dimensions asked
 * for), the ratings in the range with their negative share and SLI, and,
 * over the ratings that name a customer, each customer once with their
 * reference time (first negative rating in the group, else first rating)
 * and whether they left within the churn window after it. Counts only: the
 * shares, the lift and its interval are derived from them in journeyRows.
 * Dimensions are spliced from the contract's fixed list; values are bound.
 */
export const journeySql = (query: Pick<JourneyQuery, 'groupBy' | 'filters'>, range: TimeRange): BoundQuery => {
  const repeated = query.groupBy.filter((dimension, i) => query.groupBy.indexOf(dimension) !== i);
  if (repeated.length > 0) {
    throw new QueryError(
      'bad_request',
      `journey groupBy names ${repeated[0]} twice; each of ${journeyDimensions.join(', ')} at most once`
    );
  }
  const dims = query.groupBy;
  const keys = ['touchpoint', ...dims].join(', ');
  const params: BoundQuery['params'] = {};
  const types: BoundQuery['types'] = {};
  const from = bindTimestamp(range.from);
  const to = bindTimestamp(range.to);
  Object.assign(params, { from: from.value, to: to.value });
  Object.assign(types, { from: from.type, to: to.type });
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
  const sql = `
    with settings as (
        select to_days(p.churn_window_days) as churn_window, i.as_of
        from model_params as p, model_info as i
    ),
    ratings as (
        select ${keys}, customer_id, customer_ended_at, is_negative, sli_points, responded_at
        from fct_journey_ratings
        where responded_at >= $from and responded_at < $to
            ${filters.join('\n            ')}
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
                coalesce(c.ended_at > c.reference_at and c.ended_at <= c.reference_at + s.churn_window, false) as churned,
                c.reference_at + s.churn_window > s.as_of as incomplete
            from customers as c, settings as s
        )
        group by ${keys}
    )
    select
        ${['touchpoint', ...dims].map((key) => `g.${key}`).join(', ')},
        ${dims.includes('branch_id') ? 'b.branch_name,' : ''}
        w.touchpoint_order,
        g.ratings,
        g.negative_ratings,
        100.0 * g.negative_ratings / g.ratings as negative_share,
        100.0 * g.sli_points / (10 * g.ratings) as sli,
        coalesce(o.exposed_n, 0) as exposed_n,
        coalesce(o.exposed_churned, 0) as exposed_churned,
        coalesce(o.other_n, 0) as other_n,
        coalesce(o.other_churned, 0) as other_churned,
        coalesce(o.incomplete_customers, 0) as incomplete_customers
    from groups as g
    -- a customer's segment may be unknown, and such a group is a group too
    left join outcomes as o on ${['touchpoint', ...dims].map((key) => `o.${key} is not distinct from g.${key}`).join(' and ')}
    left join sli_touchpoint_weights as w on w.touchpoint = g.touchpoint
    ${dims.includes('branch_id') ? 'left join dim_branches as b on b.branch_id = g.branch_id' : ''}
    order by w.touchpoint_order, ${['touchpoint', ...dims].map((key) => `g.${key}`).join(', ')}`;
  return { sql, params, types };
};
