import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { SignInModule } from '../sign-in/sign-in.module.js';
import { HomePagesController } from './home.pages.controller.js';
import { PageRouter } from './page-router.js';

// The page framework (router, layout, error pages) and the home page. Feature pages live in their
// feature modules as *.pages.controller.ts providers.
@Module({
  imports: [DiscoveryModule, SignInModule],
  providers: [PageRouter, HomePagesController],
})
export class PagesModule {}
