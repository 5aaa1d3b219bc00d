import { Module } from '@nestjs/common';
import { DeviceExportService } from './device-export.service.js';
import { DeviceImportService } from './device-import.service.js';
import { ExportsController } from './exports.controller.js';
import { ImportsController } from './imports.controller.js';

// Spreadsheets in and out: the device import (API and CLI), its template, and the device export.
@Module({
  controllers: [ImportsController, ExportsController],
  providers: [DeviceImportService, DeviceExportService],
  exports: [DeviceImportService, DeviceExportService],
})
export class ImportsModule {}
