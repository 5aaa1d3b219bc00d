import { Module } from '@nestjs/common';
import { WorkLimiterModule } from '../common/work-limiter.js';
import { DeviceExportService } from './device-export.service.js';
import { ExportsController } from './exports.controller.js';

// The device export: every matching device as spreadsheet rows (xlsx or CSV), streamed page by page,
// with the import's headings (export, edit, import again).
@Module({
  imports: [WorkLimiterModule],
  controllers: [ExportsController],
  providers: [DeviceExportService],
  exports: [DeviceExportService],
})
export class ExportsModule {}
