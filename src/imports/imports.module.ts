import { Module } from '@nestjs/common';
import { DeviceImportService } from './device-import.service.js';
import { ImportsController } from './imports.controller.js';

// Spreadsheets in and out: the device import (API and CLI), its template, and the device export.
@Module({
  controllers: [ImportsController],
  providers: [DeviceImportService],
  exports: [DeviceImportService],
})
export class ImportsModule {}
