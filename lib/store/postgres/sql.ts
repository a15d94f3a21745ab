/**
 * What the PostgreSQL corpus store needs from a database connection. Two drivers implement it (cli/database.ts):
 * PGlite, PostgreSQL compiled to WebAssembly in this process, and node-postgres for a PostgreSQL server. Both run
 * the same schema and the same queries; every value travels as a query parameter, never inside the SQL text.
 */

export interface SqlResult<Row> {
  rows: Row[];
}

export interface SqlQueryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<SqlResult<Row>>;
}

export interface SqlClient extends SqlQueryable {
  /** Runs `work` in one transaction on one connection: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** "pglite" (embedded) or "postgres" (a server). */
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory or a server address without its password. */
  readonly location: string;
}
