"""Drives touchpoint serve's PostgreSQL port with psycopg 3, as a pandas or
notebook user would, and prints what the client saw as one JSON object; the
test (realClients.test.ts) compares it with the warehouse read directly.

The connection settings come from libpq's environment (PGHOST, PGPORT,
PGUSER, PGDATABASE, PGPASSWORD, PGSSLMODE). argv[1] is a file for libpq's
protocol trace, argv[2] the slow query to cancel.
"""

import datetime
import decimal
import json
import sys
import threading
import time

import psycopg
from psycopg import pq

TRACE_FILE, SLOW_SQL = sys.argv[1], sys.argv[2]

# One row of every type a dashboard query returns, from the served model.
TYPES_SQL = """
select max(opened_at)::timestamptz as last_opened,
       (sum(handle_seconds) / 1000)::decimal(18, 3) as handle_kiloseconds,
       max(opened_date) as last_day,
       count(*)::integer as contacts,
       avg(handle_seconds) as mean_handle_seconds,
       bool_or(is_open) as any_open,
       list(distinct channel order by channel) as channels,
       json_object('branch', any_value(branch_id), 'contacts', count(*)) as summary
from fct_interactions
where branch_id = %s
"""

PREPARED_SQL = "select count(*) as contacts from fct_interactions where branch_id = %s"


def plain(value):
    """A value as JSON, with the Python type it arrived as."""
    if isinstance(value, datetime.datetime):
        offset = value.utcoffset()
        shown = {"iso": value.isoformat(), "utcOffsetSeconds": None if offset is None else offset.total_seconds()}
    elif isinstance(value, (datetime.date, decimal.Decimal)):
        shown = str(value)
    else:
        shown = value
    return {"type": type(value).__name__, "value": shown}


def error_of(error):
    return {"class": type(error).__name__, "sqlstate": error.sqlstate, "message": str(error)}


def typed_row(conn, binary):
    cur = conn.cursor(binary=binary)
    cur.execute(TYPES_SQL, ("B1",))
    row = cur.fetchone()
    return {column.name: plain(value) for column, value in zip(cur.description, row)}


def prepared_twice(conn):
    """Runs PREPARED_SQL twice with prepare=True and reports libpq's trace of it."""
    with open(TRACE_FILE, "w") as trace:
        conn.pgconn.trace(trace.fileno())
        conn.pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)
        try:
            counts = [conn.execute(PREPARED_SQL, (branch,), prepare=True).fetchone()[0] for branch in ("B2", "B3")]
        finally:
            conn.pgconn.untrace()
    with open(TRACE_FILE) as trace:
        lines = [line.split("\t") for line in trace.read().splitlines()]
    # Frontend lines: F, length, message name, then its fields.
    frontend = [(fields[2], fields[3].strip()) for fields in lines if fields[0] == "F" and len(fields) > 3]
    return {
        "counts": counts,
        "parses": [detail for name, detail in frontend if name == "Parse"],
        "binds": [detail for name, detail in frontend if name == "Bind"],
    }


def cancelled(conn):
    """conn.cancel() from another thread while the slow query runs, as a notebook's interrupt does."""
    timer = threading.Timer(1.0, conn.cancel)
    started = time.monotonic()
    timer.start()
    try:
        conn.execute(SLOW_SQL)
        outcome = {"error": None}
    except psycopg.Error as error:
        outcome = {"error": error_of(error)}
    outcome["seconds"] = time.monotonic() - started
    outcome["statusAfter"] = conn.info.transaction_status.name
    conn.rollback()
    started = time.monotonic()
    outcome["next"] = conn.execute("select count(*) from dim_branches").fetchone()[0]
    outcome["nextSeconds"] = time.monotonic() - started
    return outcome


def refused_then_usable(conn):
    """A refused write inside psycopg's implicit transaction, then what the connection still does."""
    outcome = {}
    try:
        conn.execute("delete from dim_branches where branch_id = %s", ("B1",))
        outcome["refused"] = None
    except psycopg.Error as error:
        outcome["refused"] = error_of(error)
    outcome["statusAfter"] = conn.info.transaction_status.name
    try:
        conn.execute("select 1")
        outcome["beforeRollback"] = None
    except psycopg.Error as error:
        outcome["beforeRollback"] = error_of(error)
    conn.rollback()
    outcome["afterRollback"] = conn.execute("select count(*) from dim_branches").fetchone()[0]
    return outcome


def main():
    with psycopg.connect() as conn:
        branch = conn.execute(
            "select branch_id, branch_name, region from dim_branches where branch_id = %s", ("B1",)
        ).fetchall()
        conn.rollback()
        report = {
            "serverVersion": conn.info.server_version,
            "branch": [list(row) for row in branch],
            "text": typed_row(conn, binary=False),
            "binary": typed_row(conn, binary=True),
            "prepared": prepared_twice(conn),
            "cancel": cancelled(conn),
            "refused": refused_then_usable(conn),
        }
    json.dump(report, sys.stdout)


main()
