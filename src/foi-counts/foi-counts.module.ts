import { Module } from '@nestjs/common';
import { WorkLimiterModule } from '../common/work-limiter.js';
import { FoiReportsModule } from '../foi-reports/foi-reports.module.js';
import { FoiCountsController } from './foi-counts.controller.js';
import { FoiCountsService } from './foi-counts.service.js';

@Module({
  imports: [FoiReportsModule, WorkLimiterModule],
  controllers: [FoiCountsController],
  providers: [FoiCountsService],
  exports: [FoiCountsService],
})
export class FoiCountsModule {}
