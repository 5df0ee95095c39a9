import type { DataFrame, Field } from '@grafana/data';
import { fieldNamed, frameStamp, numberAt } from './metricField';

/** One cell of the triangle: cohort members still active at the end of month k. */
export interface CohortCell {
  k: number;
  active: number;
  /** active / cohort size; null for a cohort of size 0. */
  retention: number | null;
}

/** One row of the triangle: the customers whose relationship started in one month. */
export interface Cohort {
  /** 'YYYY-MM-01', the cohort's month as a calendar month (UTC). */
  month: string;
  /** Epoch ms of that month's first day at 00:00 UTC. */
  time: number;
  size: number;
  lowConfidence: boolean;
  /** Indexed by k, length maxK + 1; undefined where the month has not ended yet. */
  cells: Array<CohortCell | undefined>;
}

/** One point of the average retention curve and what it rests on. */
export interface AveragePoint {
  k: number;
  active: number;
  /** Summed size of the cohorts that reached month k. */
  customers: number;
  cohorts: number;
  retention: number;
}

export interface CohortModel {
  /** Oldest first. */
  cohorts: Cohort[];
  /** The last month since start any cohort has reached; -1 with no cells at all. */
  maxK: number;
  /** Indexed by k, length maxK + 1; undefined where only empty cohorts reached k. */
  average: Array<AveragePoint | undefined>;
  /** The service's low-n threshold (every frame carries it); without it nothing is marked. */
  minN?: number;
}

export type CohortResult = { model: CohortModel } | { problem: string };

const COLUMNS = ['cohort_month', 'months_since_start', 'cohort_size', 'active'] as const;

export const cohortProblem =
  'Churn cohorts need a table with the columns cohort_month, months_since_start, cohort_size and active, e.g. ' +
  'select cohort_month, months_since_start, cohort_size, active from rel_cohort_retention where $__timeFilter(cohort_month) order by 1, 2';

const isCohortTable = (frame: DataFrame) => COLUMNS.every((name) => fieldNamed(frame, name) !== undefined);

const pad2 = (value: number) => String(value).padStart(2, '0');

/**
 * The calendar month of a cohort_month value. Dates arrive as epoch ms at
 * 00:00 UTC, so the month is read in UTC, never in the dashboard's zone
 * (which would move 1 March to 29 February west of Greenwich).
 */
const monthOf = (field: Field, index: number): { month: string; time: number } | undefined => {
  const value: unknown = field.values[index];
  let year: number;
  let month: number;
  if (typeof value === 'number' && Number.isFinite(value)) {
    const date = new Date(value);
    year = date.getUTCFullYear();
    month = date.getUTCMonth() + 1;
  } else if (typeof value === 'string') {
    const match = /^(\d{4})-(\d{2})/.exec(value);
    if (!match) {
      return undefined;
    }
    year = Number(match[1]);
    month = Number(match[2]);
    if (month < 1 || month > 12) {
      return undefined;
    }
  } else {
    return undefined;
  }
  return { month: `${year}-${pad2(month)}-01`, time: Date.UTC(year, month - 1, 1) };
};

interface CohortRows {
  month: string;
  time: number;
  size: number;
  cells: Map<number, number>;
}

/**
 * Frames to the retention triangle: the first table with cohort_month
 * (a date, or 'YYYY-MM-DD' text), months_since_start, cohort_size and
 * active, as rel_cohort_retention has them. Retention is computed here from
 * active / cohort_size rather than read from a column, so a rounded or
 * differently defined column cannot disagree with the counts shown beside it.
 * Rows without a cohort, a whole k >= 0 or a count are skipped: they cannot
 * be placed in the triangle.
 */
export const readCohortMatrix = (frames: DataFrame[]): CohortResult => {
  const table = frames.find(isCohortTable);
  if (!table) {
    return { problem: cohortProblem };
  }
  const monthField = fieldNamed(table, 'cohort_month')!;
  const kField = fieldNamed(table, 'months_since_start')!;
  const sizeField = fieldNamed(table, 'cohort_size')!;
  const activeField = fieldNamed(table, 'active')!;

  const byMonth = new Map<string, CohortRows>();
  let maxK = -1;
  for (let i = 0; i < table.length; i++) {
    const cohort = monthOf(monthField, i);
    const k = numberAt(kField, i);
    const size = numberAt(sizeField, i);
    const active = numberAt(activeField, i);
    if (!cohort || k === null || !Number.isInteger(k) || k < 0 || size === null || active === null) {
      continue;
    }
    const rows = byMonth.get(cohort.month) ?? { ...cohort, size, cells: new Map<number, number>() };
    if (rows.size !== size) {
      return {
        problem: `Cohort ${cohort.month.slice(0, 7)} has two sizes (${rows.size} and ${size}): the query must return one row per cohort and month since start, as rel_cohort_retention does.`,
      };
    }
    if (rows.cells.has(k)) {
      return {
        problem: `Cohort ${cohort.month.slice(0, 7)} has two rows for month ${k}: the query must return one row per cohort and month since start, as rel_cohort_retention does.`,
      };
    }
    rows.cells.set(k, active);
    byMonth.set(cohort.month, rows);
    maxK = Math.max(maxK, k);
  }

  const { minN } = frameStamp([table]);
  const width = maxK + 1;
  const cohorts = [...byMonth.values()]
    .sort((a, b) => a.time - b.time)
    .map((rows): Cohort => ({
      month: rows.month,
      time: rows.time,
      size: rows.size,
      lowConfidence: minN !== undefined && rows.size < minN,
      cells: Array.from({ length: width }, (_, k) => {
        const active = rows.cells.get(k);
        return active === undefined ? undefined : { k, active, retention: rows.size > 0 ? active / rows.size : null };
      }),
    }));
  return { model: { cohorts, maxK, average: averageCurve(cohorts, width), minN } };
};

/**
 * The average retention curve, pooled: at each k, all active customers over
 * all customers of the cohorts that reached k, so a cohort weighs by its
 * size (as rel_retention_curve does) and a cohort of 20 cannot swing the
 * curve as much as one of 2,000. A mean of the cohorts' percentages would.
 * Empty cohorts are left out, or they would count towards the cohorts the
 * point rests on while adding no customers.
 */
const averageCurve = (cohorts: Cohort[], width: number): Array<AveragePoint | undefined> =>
  Array.from({ length: width }, (_, k) => {
    let active = 0;
    let customers = 0;
    let count = 0;
    for (const cohort of cohorts) {
      const cell = cohort.cells[k];
      if (!cell || cohort.size <= 0) {
        continue;
      }
      active += cell.active;
      customers += cohort.size;
      count += 1;
    }
    return count === 0 ? undefined : { k, active, customers, cohorts: count, retention: active / customers };
  });
