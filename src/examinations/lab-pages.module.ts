import { Module } from '@nestjs/common';
import { AccreditationModule } from '../accreditation/accreditation.module.js';
import { AccreditationPagesController } from '../accreditation/accreditation.pages.controller.js';
import { CasesModule } from '../cases/cases.module.js';
import { DevicesModule } from '../devices/devices.module.js';
import { ExaminationsModule } from './examinations.module.js';
import { ExaminationsPagesController } from './examinations.pages.controller.js';

// The lab's pages: the examination queue and records (they show devices and cases), and the scope register.
@Module({
  imports: [ExaminationsModule, DevicesModule, CasesModule, AccreditationModule],
  providers: [ExaminationsPagesController, AccreditationPagesController],
})
export class LabPagesModule {}
