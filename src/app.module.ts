import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { AccreditationModule } from './accreditation/accreditation.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CasesModule } from './cases/cases.module.js';
import { ProblemDetailsFilter } from './common/problem-details.filter.js';
import { appConfig } from './config/app.config.js';
import { databaseConfig } from './config/database.config.js';
import { validateEnv } from './config/env.validation.js';
import { foiConfig } from './config/foi.config.js';
import { ENTITIES } from './app-entities.js';
import { DatabaseModule } from './database/database.module.js';
import { DevicesModule } from './devices/devices.module.js';
import { ExaminationsModule } from './examinations/examinations.module.js';
import { FoiReportsModule } from './foi-reports/foi-reports.module.js';
import { FoiCountsModule } from './foi-counts/foi-counts.module.js';
import { FoiRequestsModule } from './foi-requests/foi-requests.module.js';
import { HealthModule } from './health/health.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { PagesModule } from './pages/pages.module.js';
import { ReferenceDataModule } from './reference-data/reference-data.module.js';
import { SecurityModule } from './security/security.module.js';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      load: [appConfig, databaseConfig, foiConfig],
      validate: validateEnv,
    }),
    SecurityModule,
    DatabaseModule.forRoot(ENTITIES),
    AuditModule,
    AuthModule,
    ReferenceDataModule,
    HealthModule,
    CasesModule,
    DevicesModule,
    ExaminationsModule,
    AccreditationModule,
    FoiReportsModule,
    FoiRequestsModule,
    FoiCountsModule,
    ImportsModule,
    ExportsModule,
    PagesModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
})
export class AppModule {}
