/**
 * The rules of docs/data-contract.md that the raw tables cannot express. Column
 * names, types and NOT NULL live in sql/raw/raw_tables.sql and are read from
 * the database at run time; allowed values live in the reference tables (and
 * DuckDB's time zone list), so this file only says which column is checked
 * against what.
 */

/** The contract's tables in the contract's order, which is also the report's order. */
export const contractTables = ['branches', 'customers', 'interactions', 'responses', 'followups'] as const;
export type ContractTable = (typeof contractTables)[number];

/** Files a load may leave out: their raw table stays empty, as before the file existed. */
export const optionalTables: ReadonlySet<ContractTable> = new Set(['followups']);

export interface ReferenceRule {
  column: string;
  /** The referenced table; its key is the referenced column. */
  table: ContractTable;
  rule: string;
}

export interface AllowedValuesRule {
  column: string;
  /** A relation (table or table function) and its column listing the allowed values. */
  relation: string;
  valueColumn: string;
  rule: string;
}

export interface NotBeforeRule {
  column: string;
  earliest: string;
}

/** A column whose value may appear once in the file, besides the key. */
export interface UniqueRule {
  column: string;
  rule: string;
}

/** A time not before a time of the row another file's row it references. */
export interface NotBeforeReferencedRule {
  column: string;
  /** The referencing column, whose value is the other table's key. */
  via: string;
  table: ContractTable;
  earliest: string;
}

export interface ScaleRule {
  score: string;
  instrument: string;
}

export interface TableRules {
  key: string;
  references: ReferenceRule[];
  allowedValues: AllowedValuesRule[];
  nonNegative: string[];
  notBefore: NotBeforeRule[];
  unique?: UniqueRule[];
  notBeforeReferenced?: NotBeforeReferencedRule[];
  /** A score within its instrument's scale (ref_sli_mapping). */
  scale?: ScaleRule;
}

export const tableRules: Record<ContractTable, TableRules> = {
  branches: {
    key: 'branch_id',
    references: [],
    allowedValues: [
      { column: 'timezone', relation: 'pg_timezone_names()', valueColumn: 'name', rule: 'unknown time zone' },
    ],
    nonNegative: [],
    notBefore: [],
  },
  customers: {
    key: 'customer_id',
    references: [{ column: 'branch_id', table: 'branches', rule: 'unknown branch' }],
    allowedValues: [],
    nonNegative: ['monthly_revenue'],
    notBefore: [{ column: 'ended_at', earliest: 'started_at' }],
  },
  interactions: {
    key: 'interaction_id',
    references: [
      { column: 'customer_id', table: 'customers', rule: 'unknown customer' },
      { column: 'branch_id', table: 'branches', rule: 'unknown branch' },
    ],
    allowedValues: [{ column: 'channel', relation: 'ref_channels', valueColumn: 'channel', rule: 'unknown channel' }],
    nonNegative: ['handle_seconds'],
    notBefore: [
      { column: 'first_response_at', earliest: 'opened_at' },
      { column: 'resolved_at', earliest: 'opened_at' },
    ],
  },
  responses: {
    key: 'response_id',
    references: [
      { column: 'branch_id', table: 'branches', rule: 'unknown branch' },
      { column: 'customer_id', table: 'customers', rule: 'unknown customer' },
      { column: 'interaction_id', table: 'interactions', rule: 'unknown interaction' },
    ],
    allowedValues: [
      { column: 'touchpoint', relation: 'ref_touchpoints', valueColumn: 'touchpoint', rule: 'unknown touchpoint' },
      { column: 'instrument', relation: 'ref_sli_mapping', valueColumn: 'instrument', rule: 'unknown instrument' },
    ],
    nonNegative: [],
    notBefore: [],
    scale: { score: 'score', instrument: 'instrument' },
  },
  followups: {
    key: 'followup_id',
    references: [{ column: 'response_id', table: 'responses', rule: 'unknown response' }],
    allowedValues: [],
    nonNegative: [],
    notBefore: [
      { column: 'first_contact_at', earliest: 'opened_at' },
      { column: 'closed_at', earliest: 'opened_at' },
    ],
    unique: [{ column: 'response_id', rule: 'more than one case for the rating' }],
    notBeforeReferenced: [{ column: 'opened_at', via: 'response_id', table: 'responses', earliest: 'responded_at' }],
  },
};

/** Rule names that do not depend on a table. */
export const rules = {
  missingFile: 'missing file',
  ambiguousFile: 'more than one file for the table',
  unreadableFile: 'unreadable file',
  missingColumn: 'missing column',
  duplicateColumn: 'duplicate column',
  empty: 'empty required value',
  duplicateId: 'duplicate id',
  negative: 'negative',
  /** Followed by the earlier column, e.g. "before opened_at", or another file's, "before responses.responded_at". */
  before: 'before',
  /**
   * An increment's time that a row of the warehouse must not precede, followed by
   * that file's column, e.g. "after followups.opened_at" (a rating moved past its case).
   */
  after: 'after',
  /** Followed by the instrument and its scale, e.g. "score out of range for csat_5 (1..5)". */
  scoreOutOfRange: 'score out of range',
  /** Followed by DuckDB's error type in lower case, e.g. "csv: too many columns". */
  csvStructure: 'csv',
} as const;
