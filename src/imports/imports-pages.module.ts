import { Module } from '@nestjs/common';
import { ImportsModule } from './imports.module.js';
import { ImportsPagesController } from './imports.pages.controller.js';

@Module({
  imports: [ImportsModule],
  providers: [ImportsPagesController],
})
export class ImportsPagesModule {}
