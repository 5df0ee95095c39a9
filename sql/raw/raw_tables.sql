-- The input tables of docs/data-contract.md (four, and the optional followups), typed. Timestamps are stored as
-- UTC without an offset: the loader converts every offset it is given, and
-- plain TIMESTAMP keeps date arithmetic off ICU's slower calendar path.
-- Keys and references are checked by the loader, not by constraints: DuckDB
-- builds an ART index per constraint, which triples the cost of a 20M-row load.
create schema if not exists raw;

create table raw.branches (
    branch_id varchar not null,
    name varchar not null,
    region varchar,
    timezone varchar
);

create table raw.customers (
    customer_id varchar not null,
    branch_id varchar not null,
    segment varchar,
    started_at timestamp not null,
    ended_at timestamp,
    monthly_revenue decimal(18, 2)
);

create table raw.interactions (
    interaction_id varchar not null,
    customer_id varchar,
    branch_id varchar not null,
    channel varchar not null,
    agent_id varchar,
    topic varchar,
    opened_at timestamp not null,
    first_response_at timestamp,
    resolved_at timestamp,
    handle_seconds integer
);

create table raw.responses (
    response_id varchar not null,
    branch_id varchar not null,
    customer_id varchar,
    interaction_id varchar,
    touchpoint varchar not null,
    instrument varchar not null,
    score double not null,
    responded_at timestamp not null,
    comment varchar
);

-- Optional: a load without a followups file leaves this table empty.
create table raw.followups (
    followup_id varchar not null,
    response_id varchar not null,
    opened_at timestamp not null,
    first_contact_at timestamp,
    closed_at timestamp,
    owner varchar,
    root_cause varchar
);
