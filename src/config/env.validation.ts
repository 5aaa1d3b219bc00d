import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  validateSync,
} from 'class-validator';
import { DateTime } from 'luxon';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

// Every setting the register reads, validated once at boot.
export class EnvironmentVariables {
  @IsOptional() @Min(0) @Max(65535) @IsInt() PORT?: number;
  @IsOptional() @IsString() HOST?: string;
  @IsOptional() @IsString() DATABASE_PATH?: string;
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;
  @IsOptional() @IsString() REGISTER_TIMEZONE?: string;
  @IsOptional() @Min(0) @Max(1000) @IsInt() FOI_SUPPRESS_BELOW?: number;
  @IsOptional() @IsIn(LOG_LEVELS) LOG_LEVEL?: string;
  // Expensive requests (imports, exports, FOI reports): src/common/work-limiter.ts.
  @IsOptional() @Min(1) @Max(64) @IsInt() HEAVY_WORK_CONCURRENCY?: number;
  @IsOptional() @Min(0) @Max(1000) @IsInt() HEAVY_WORK_QUEUE?: number;
  @IsOptional() @Min(1) @Max(3600) @IsInt() HEAVY_WORK_RETRY_AFTER?: number;
  @IsOptional() @IsString() @MaxLength(120) FORCE_NAME?: string;
  @IsOptional() @IsString() @MaxLength(2000) FOI_S17_REASON?: string;
  @IsOptional() @Min(1) @Max(100_000) @IsInt() AUTH_FAILURES_PER_MINUTE?: number;
  @IsOptional() @Min(1) @Max(3650) @IsInt() TOKEN_LIFETIME_DAYS?: number;
  @IsOptional() @Min(1) @Max(3650) @IsInt() TOKEN_MAX_LIFETIME_DAYS?: number;
}

export function validateEnv(raw: Record<string, unknown>): Record<string, unknown> {
  const numeric = [
    'PORT',
    'FOI_SUPPRESS_BELOW',
    'HEAVY_WORK_CONCURRENCY',
    'HEAVY_WORK_QUEUE',
    'HEAVY_WORK_RETRY_AFTER',
    'AUTH_FAILURES_PER_MINUTE',
    'TOKEN_LIFETIME_DAYS',
    'TOKEN_MAX_LIFETIME_DAYS',
  ];
  const input: Record<string, unknown> = { ...raw };
  for (const key of numeric) {
    if (input[key] === '') delete input[key];
    else if (typeof input[key] === 'string' && /^-?\d+$/.test(input[key] as string)) {
      input[key] = Number(input[key]);
    }
  }
  for (const key of ['HOST', 'DATABASE_PATH', 'DATABASE_URL', 'REGISTER_TIMEZONE', 'LOG_LEVEL']) {
    if (input[key] === '') delete input[key];
  }
  const env = plainToInstance(EnvironmentVariables, input);
  const errors = validateSync(env, { stopAtFirstError: true });
  const messages = errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`),
  );
  if (env.REGISTER_TIMEZONE && !DateTime.local().setZone(env.REGISTER_TIMEZONE).isValid) {
    messages.push(`REGISTER_TIMEZONE: "${env.REGISTER_TIMEZONE}" is not an IANA time zone`);
  }
  const lifetime = env.TOKEN_LIFETIME_DAYS ?? 90;
  const maxLifetime = env.TOKEN_MAX_LIFETIME_DAYS ?? 365;
  if (typeof lifetime === 'number' && typeof maxLifetime === 'number' && lifetime > maxLifetime) {
    messages.push(`TOKEN_LIFETIME_DAYS: ${lifetime} is longer than TOKEN_MAX_LIFETIME_DAYS (${maxLifetime})`);
  }
  if (messages.length > 0) {
    throw new Error(`Invalid configuration:\n  ${messages.join('\n  ')}`);
  }
  return input;
}
