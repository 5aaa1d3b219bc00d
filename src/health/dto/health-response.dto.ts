export class HealthResponseDto {
  /** "ok" when the register and its database answer. */
  status: string;
  /** The database type: "better-sqlite3" or "postgres". */
  database: string;
}
