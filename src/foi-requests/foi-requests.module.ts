import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { WorkLimiterModule } from '../common/work-limiter.js';
import { FoiReportsModule } from '../foi-reports/foi-reports.module.js';
import { FoiAnswersService } from './foi-answers.service.js';
import { FoiLogService } from './foi-log.service.js';
import { FoiRequestsController } from './foi-requests.controller.js';
import { FoiRequestsService } from './foi-requests.service.js';

@Module({
  imports: [AuditModule, FoiReportsModule, WorkLimiterModule],
  controllers: [FoiRequestsController],
  providers: [FoiRequestsService, FoiAnswersService, FoiLogService],
  exports: [FoiRequestsService, FoiAnswersService, FoiLogService],
})
export class FoiRequestsModule {}
