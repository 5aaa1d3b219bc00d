import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { configureApp, FASTIFY_OPTIONS } from './app-setup.js';
import { appConfig } from './config/app.config.js';
import { databaseConfig } from './config/database.config.js';
import type { ConfigType } from '@nestjs/config';
import { PinoNestLogger, REQUEST_LOGGER } from './security/request-logging.js';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter(FASTIFY_OPTIONS),
    { bufferLogs: true },
  );
  const logger = new PinoNestLogger(app.get<Logger>(REQUEST_LOGGER));
  app.useLogger(logger);
  await configureApp(app);
  const settings = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  const database = app.get<ConfigType<typeof databaseConfig>>(databaseConfig.KEY);
  await app.listen(settings.port, settings.host);
  const where = database.url ? 'PostgreSQL (DATABASE_URL)' : database.path;
  const shown = settings.host === '0.0.0.0' ? 'localhost' : settings.host;
  logger.log(
    `Seizure register listening on http://${shown}:${settings.port} (API docs /docs), database ${where}`,
  );
}

await bootstrap();
