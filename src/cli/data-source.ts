import { DataSource } from 'typeorm';
import { ENTITIES } from '../app-entities.js';
import { DEFAULT_DATABASE_PATH } from '../config/database.config.js';
import { buildDataSourceOptions } from '../database/data-source-options.js';

// For the TypeORM CLI (e.g. `migration:generate --check`).
export default new DataSource(
  buildDataSourceOptions(
    {
      path: process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH,
      url: process.env.DATABASE_URL || undefined,
    },
    ENTITIES,
  ),
);
