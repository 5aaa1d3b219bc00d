import { registerAs } from '@nestjs/config';

export const DEFAULT_DATABASE_PATH = 'data/register.sqlite';

export const databaseConfig = registerAs('database', () => ({
  path: process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH,
  url: process.env.DATABASE_URL || undefined,
}));
