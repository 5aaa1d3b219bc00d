export class HealthResponseDto {
  /** "ok" when the register and its database answer. */
  status: string;
  /** The database type: "better-sqlite3" or "postgres". */
  database: string;
  /** true when a long write (e.g. an import) holds the SQLite database: the register is up but writes wait. */
  busy?: boolean;
}
