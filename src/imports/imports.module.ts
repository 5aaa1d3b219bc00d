import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DeviceExportService } from './device-export.service.js';
import { DeviceImportService } from './device-import.service.js';
import { ExportsController } from './exports.controller.js';
import { ImportsController } from './imports.controller.js';
import { sweepStaleUploads } from './upload.js';
import { WorkLimiterModule } from '../common/work-limiter.js';

// Spreadsheets in and out: the device import (API and CLI), its template, and the device export.
@Module({
  imports: [WorkLimiterModule],
  controllers: [ImportsController, ExportsController],
  providers: [DeviceImportService, DeviceExportService],
  exports: [DeviceImportService, DeviceExportService],
})
export class ImportsModule implements OnApplicationBootstrap {
  // Uploads left in the temporary folder by a process that crashed mid-import are removed at start-up.
  async onApplicationBootstrap(): Promise<void> {
    const swept = await sweepStaleUploads();
    if (swept > 0) new Logger(ImportsModule.name).log(`Removed ${swept} stale upload folder(s)`);
  }
}
