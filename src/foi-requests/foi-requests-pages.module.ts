import { Module } from '@nestjs/common';
import { WorkLimiterModule } from '../common/work-limiter.js';
import { FoiAnswersPagesController } from './foi-answers.pages.controller.js';
import { FoiRequestsModule } from './foi-requests.module.js';
import { FoiRequestsPagesController } from './foi-requests.pages.controller.js';

@Module({
  imports: [FoiRequestsModule, WorkLimiterModule],
  providers: [FoiRequestsPagesController, FoiAnswersPagesController],
})
export class FoiRequestsPagesModule {}
