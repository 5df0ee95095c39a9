// Command libpq drives touchpoint serve's PostgreSQL port with lib/pq, the
// driver Grafana's PostgreSQL datasource used, the way an alert rule's query
// reads it: a time column, a text label and a number per row. It prints what
// the driver scanned as one JSON object for realClients.test.ts to compare
// with the warehouse read directly. The connection string is argv[1].
package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"time"

	_ "github.com/lib/pq"
)

// One row per day and branch with ratings, as Grafana's alerting reads a table.
const alertSQL = `
select day::timestamptz as time, branch_id, metric('csat') as value,
       round(metric('csat'), 2)::numeric(6, 2) as rounded
from agg_interaction_daily
group by all
having metric_n('csat') > 0
order by 1, 2`

// Parameters bound as $1 and $2: a text and a time.Time.
const parameterSQL = `
select count(*) as contacts, sum(handle_seconds) as handle_seconds
from fct_interactions
where branch_id = $1 and opened_at >= $2`

type alertRow struct {
	Time             string  `json:"time"`
	UTCOffsetSeconds int     `json:"utcOffsetSeconds"`
	Branch           string  `json:"branch"`
	Value            float64 `json:"value"`
	Rounded          float64 `json:"rounded"`
}

type report struct {
	Alert      []alertRow `json:"alert"`
	Parameters struct {
		Contacts      int64 `json:"contacts"`
		HandleSeconds int64 `json:"handleSeconds"`
	} `json:"parameters"`
	Refused string `json:"refused"`
}

func run(dsn string) (*report, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()

	var out report
	rows, err := db.Query(alertSQL)
	if err != nil {
		return nil, fmt.Errorf("alert query: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var at time.Time
		var row alertRow
		if err := rows.Scan(&at, &row.Branch, &row.Value, &row.Rounded); err != nil {
			return nil, fmt.Errorf("alert row: %w", err)
		}
		row.Time = at.Format(time.RFC3339Nano)
		_, row.UTCOffsetSeconds = at.Zone()
		out.Alert = append(out.Alert, row)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("alert rows: %w", err)
	}

	from := time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
	if err := db.QueryRow(parameterSQL, "B2", from).Scan(&out.Parameters.Contacts, &out.Parameters.HandleSeconds); err != nil {
		return nil, fmt.Errorf("parameter query: %w", err)
	}

	if _, err := db.Exec(`delete from dim_branches where branch_id = $1`, "B1"); err != nil {
		out.Refused = err.Error()
	}
	return &out, nil
}

func main() {
	out, err := run(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
