"""Every type the model returns, read by psycopg 3 in text and in binary
format, printed as JSON: the test checks both give the same Python values.
psycopg reads binary PostgreSQL exactly, so it is the judge of our encoder."""
import json
import sys

import psycopg

SQL = """select true as b, 2::smallint as i2, 3 as i4, 4::bigint as i8,
  12345678901234567890::hugeint as h, 1.50::decimal(10,2) as d, -0.0001::decimal(10,4) as d2,
  0::decimal(5,2) as d3, 123456789.987654321::decimal(38,9) as d4, 0.1::double as f8, 1.5::float as f4,
  'x' as t, date '2024-01-02' as dt, timestamp '2024-01-02 03:04:05.5' as ts,
  timestamptz '2024-01-02 03:04:05+00' as tz, interval '1 year 2 months 3 days 04:05:06.7' as iv,
  'd4679e9f-6c35-49a2-8945-e94974a9f9ec'::uuid as u, '{"a": [1, 2]}'::json as j,
  [1, 2, null] as li, ['a b', 'x"y', null, 'NULL', ''] as ls, [date '2024-01-01'] as ld,
  'ab'::blob as bl, null::int as n, time '01:02:03.5' as tm, []::int[] as empty"""

conn = psycopg.connect(sys.argv[1])
out = {}
for binary in (False, True):
    cur = conn.cursor(binary=binary)
    cur.execute(SQL)
    row = cur.fetchone()
    out["binary" if binary else "text"] = {
        d.name: {"repr": repr(v), "type": type(v).__name__} for d, v in zip(cur.description, row)
    }
    out["formats_" + ("binary" if binary else "text")] = sorted({cur.pgresult.fformat(i) for i in range(cur.pgresult.nfields)})
print(json.dumps(out))
