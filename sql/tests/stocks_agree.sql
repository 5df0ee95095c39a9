-- The daily customer rollup's opening stock on each month's first day equals
-- the branch-month's, computed independently from rel_customer_month.
select d.branch_id, d.day, d.active_at_start as daily, m.active_at_start as monthly
from agg_customer_daily as d
join rel_branch_month as m on m.branch_id = d.branch_id and m.month = d.day
where d.active_at_start <> m.active_at_start or d.revenue_n <> m.revenue_n
