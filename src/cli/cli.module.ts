import { Module } from '@nestjs/common';
import { AppModule } from '../app.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { FoiReportsModule } from '../foi-reports/foi-reports.module.js';
import { ImportsModule } from '../imports/imports.module.js';
import { AuditVerifyCommand } from './audit-verify.command.js';
import { BackupCommand } from './backup.command.js';
import { RestoreCommand } from './restore.command.js';
import { DemoSeedCommand } from './demo-seed.command.js';
import { FoiReportCommand } from './foi-report.command.js';
import { FoiCountsCommand } from './foi-counts.command.js';
import { FoiCountsModule } from '../foi-counts/foi-counts.module.js';
import { ImportDevicesCommand } from './import-devices.command.js';
import { UserCreateCommand } from './user-create.command.js';
import { UserPasswordCommand } from './user-password.command.js';
import { SignInModule } from '../sign-in/sign-in.module.js';

// The same modules as the API, plus the commands; no HTTP server is started.
@Module({
  imports: [AppModule, AuthModule, FoiReportsModule, FoiCountsModule, ImportsModule, SignInModule],
  providers: [
    AuditVerifyCommand,
    BackupCommand,
    RestoreCommand,
    DemoSeedCommand,
    FoiReportCommand,
    FoiCountsCommand,
    ImportDevicesCommand,
    UserCreateCommand,
    UserPasswordCommand,
  ],
})
export class CliModule {}
