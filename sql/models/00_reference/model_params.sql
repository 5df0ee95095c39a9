-- model_params: one row, the parameters this build used (set by the builder).
create or replace table model_params as
select
    getvariable('fcr_window_days')::integer as fcr_window_days,
    getvariable('gross_margin')::double as gross_margin,
    getvariable('min_n')::integer as min_n,
    getvariable('mapping_version')::varchar as mapping_version,
    getvariable('followup_sla_hours')::integer as followup_sla_hours,
    getvariable('recovery_window_days')::integer as recovery_window_days,
    getvariable('churn_window_days')::integer as churn_window_days;

comment on table model_params is 'One row: the parameters this build used (FCR window, gross margin, minimum n, SLI mapping version, follow-up SLA hours, recovery window days, journey churn window days).';
