import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccreditationModule } from '../accreditation/accreditation.module.js';
import { DevicesModule } from '../devices/devices.module.js';
import { Examination } from './examination.entity.js';
import { ExaminationQueueService } from './examination-queue.service.js';
import { ExaminationsController } from './examinations.controller.js';
import { ExaminationsService } from './examinations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Examination]), DevicesModule, AccreditationModule],
  controllers: [ExaminationsController],
  providers: [ExaminationsService, ExaminationQueueService],
  exports: [ExaminationsService, ExaminationQueueService],
})
export class ExaminationsModule {}
