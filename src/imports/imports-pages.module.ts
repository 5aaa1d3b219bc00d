import { Module } from '@nestjs/common';
import { ExportsModule } from '../exports/exports.module.js';
import { ImportsModule } from './imports.module.js';
import { ImportsPagesController } from './imports.pages.controller.js';

@Module({
  imports: [ImportsModule, ExportsModule],
  providers: [ImportsPagesController],
})
export class ImportsPagesModule {}
