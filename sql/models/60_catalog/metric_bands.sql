-- metric_bands: one row per metric band (key metric, label), flattened for
-- analysts' joins.
-- references: metric -> metric_catalog.name
create or replace view metric_bands as
select name as metric, b.label, b.min, b.max, b."includeMin" as include_min, b."includeMax" as include_max, b.severity
from metric_catalog, unnest(bands) as t(b);

comment on view metric_bands is 'One row per metric band.';
