import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CasesPagesModule } from '../cases/cases-pages.module.js';
import { DevicesPagesModule } from '../devices/devices-pages.module.js';
import { LabPagesModule } from '../examinations/lab-pages.module.js';
import { FoiPagesModule } from '../foi-reports/foi-pages.module.js';
import { AdminPagesModule } from '../admin/admin-pages.module.js';
import { ImportsPagesModule } from '../imports/imports-pages.module.js';
import { FoiCountsPagesModule } from '../foi-counts/foi-counts-pages.module.js';
import { FoiRequestsPagesModule } from '../foi-requests/foi-requests-pages.module.js';
import { SignInModule } from '../sign-in/sign-in.module.js';
import { HomePagesController } from './home.pages.controller.js';
import { PageRouter } from './page-router.js';

// The page framework (router, layout, error pages) and the home page. Feature pages live in their
// feature modules as *.pages.controller.ts providers.
@Module({
  imports: [DiscoveryModule, SignInModule, CasesPagesModule, DevicesPagesModule, LabPagesModule, FoiPagesModule, AdminPagesModule, ImportsPagesModule, FoiCountsPagesModule, FoiRequestsPagesModule],
  providers: [PageRouter, HomePagesController],
})
export class PagesModule {}
