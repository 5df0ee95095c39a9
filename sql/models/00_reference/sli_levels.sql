-- sli_levels: one row per SLI level (key level_rank): the five levels of
-- docs/metrics.md, used to explain a score level by level.
-- not null: level, points
create or replace table sli_levels as
select * from (values
    (5, 'Excellent', 10.0),
    (4, 'Good', 5.0),
    (3, 'Neutral', 0.0),
    (2, 'Bad', -5.0),
    (1, 'Unacceptable', -10.0)
) as t(level_rank, level, points);

comment on table sli_levels is 'One row per SLI level: Excellent +10, Good +5, Neutral 0, Bad -5, Unacceptable -10.';
