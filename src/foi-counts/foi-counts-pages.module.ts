import { Module } from '@nestjs/common';
import { FoiCountsModule } from './foi-counts.module.js';
import { FoiCountsPagesController } from './foi-counts.pages.controller.js';

@Module({
  imports: [FoiCountsModule],
  providers: [FoiCountsPagesController],
})
export class FoiCountsPagesModule {}
