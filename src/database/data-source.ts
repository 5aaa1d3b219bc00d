import { DataSource } from 'typeorm';
import { DEFAULT_DATABASE_PATH } from '../config/database.config.js';
import { buildDataSourceOptions } from './data-source-options.js';

// For the TypeORM CLI (e.g. `migration:generate --check`).
export default new DataSource(
  buildDataSourceOptions({
    path: process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH,
    url: process.env.DATABASE_URL || undefined,
  }),
);
