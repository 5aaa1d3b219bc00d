export class HealthResponseDto {
  /** "ok" when the register and its database answer. */
  status: string;
  /** The database type: "better-sqlite3" or "postgres". */
  database: string;
  /** true while SQLite runs a transaction (an import's can be long): answered without waiting for it. */
  busy?: boolean;
}
