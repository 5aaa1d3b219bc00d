import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { ExaminationsModule } from '../examinations/examinations.module.js';
import { DevicesModule } from './devices.module.js';
import { DevicesPagesController } from './devices.pages.controller.js';

// The device pages show a device's examinations too, so they sit above examinations (devices ← examinations).
@Module({
  imports: [DevicesModule, CasesModule, ExaminationsModule, AuditModule],
  providers: [DevicesPagesController],
})
export class DevicesPagesModule {}
