import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DeviceImportService } from './device-import.service.js';
import { ImportsController } from './imports.controller.js';
import { sweepStaleUploads } from './upload.js';
import { WorkLimiterModule } from '../common/work-limiter.js';

// The device import (API and CLI) and its template; the export is in exports/.
@Module({
  imports: [WorkLimiterModule],
  controllers: [ImportsController],
  providers: [DeviceImportService],
  exports: [DeviceImportService],
})
export class ImportsModule implements OnApplicationBootstrap {
  // Uploads left in the temporary folder by a process that crashed mid-import are removed at start-up.
  async onApplicationBootstrap(): Promise<void> {
    const swept = await sweepStaleUploads();
    if (swept > 0) new Logger(ImportsModule.name).log(`Removed ${swept} stale upload folder(s)`);
  }
}
