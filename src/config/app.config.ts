import { registerAs } from '@nestjs/config';

export const appConfig = registerAs('app', () => ({
  port: Number(process.env.PORT ?? 3000),
  host: process.env.HOST || '0.0.0.0',
  timeZone: process.env.REGISTER_TIMEZONE || 'Europe/London',
  logLevel: process.env.LOG_LEVEL || 'info',
}));
