import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    globals: true,
    root: './',
    include: ['**/*.e2e-spec.ts'],
    // The @nestjs/swagger plugin's metadata, so the tests serve the built server's /docs-json.
    globalSetup: ['./test/contract/swagger-metadata.global-setup.ts'],
    // Each file boots the app on its own database (a temporary SQLite file, or a fresh PostgreSQL
    // database when TEST_DATABASE_URL is set); two files at a time suit the 2-core CI machine.
    fileParallelism: true,
    maxWorkers: 2,
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
