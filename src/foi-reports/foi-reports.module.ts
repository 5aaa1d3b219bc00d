import { Module } from '@nestjs/common';
import { AccreditationModule } from '../accreditation/accreditation.module.js';
import { WorkLimiterModule } from '../common/work-limiter.js';
import { FoiQueries } from './foi-queries.js';
import { FoiReportService } from './foi-report.service.js';
import { FoiReportsController } from './foi-reports.controller.js';

@Module({
  imports: [AccreditationModule, WorkLimiterModule],
  controllers: [FoiReportsController],
  providers: [FoiQueries, FoiReportService],
  exports: [FoiReportService],
})
export class FoiReportsModule {}
