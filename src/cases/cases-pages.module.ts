import { Module } from '@nestjs/common';
import { DevicesModule } from '../devices/devices.module.js';
import { CasesModule } from './cases.module.js';
import { CasesPagesController } from './cases.pages.controller.js';

// The case pages list a case's devices, so they sit above both modules (cases ← devices).
@Module({
  imports: [CasesModule, DevicesModule],
  providers: [CasesPagesController],
})
export class CasesPagesModule {}
