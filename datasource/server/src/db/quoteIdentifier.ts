/** Quotes an identifier for DuckDB; the only place identifiers enter SQL text. */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Quotes a string literal, for the few statements that cannot bind parameters (COPY, read_csv paths). */
export const quoteLiteral = (value: string): string => `'${value.replaceAll("'", "''")}'`;
