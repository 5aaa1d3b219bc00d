import { Module } from '@nestjs/common';
import { FoiReportsModule } from './foi-reports.module.js';
import { FoiReportsPagesController } from './foi-reports.pages.controller.js';

@Module({
  imports: [FoiReportsModule],
  providers: [FoiReportsPagesController],
})
export class FoiPagesModule {}
