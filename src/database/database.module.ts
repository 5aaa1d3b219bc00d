import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { databaseConfig } from '../config/database.config.js';
import { buildDataSourceOptions } from './data-source-options.js';
import { serialiseSqliteTransactions } from './sqlite/serial-transactions.js';
import { useWriteLock } from './sqlite/write-lock.js';
import { RegisterStatements, registerStatementsFor } from './statements.js';

export type EntityList = DataSourceOptions['entities'];

// The register's DataSource and the statements features run on it. The entities are the app's
// (src/app-entities.ts), passed in: database/ knows no feature.
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [databaseConfig.KEY],
          useFactory: (config: ConfigType<typeof databaseConfig>) => buildDataSourceOptions(config, entities),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            serialiseSqliteTransactions(dataSource);
            useWriteLock(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: [
        { provide: RegisterStatements, useFactory: registerStatementsFor, inject: [getDataSourceToken()] },
      ],
      exports: [RegisterStatements],
    };
  }
}
