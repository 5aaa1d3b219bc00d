import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    globals: true,
    root: './',
    include: ['**/*.e2e-spec.ts'],
    // Each file boots the app on its own database (a temporary SQLite file, or a fresh PostgreSQL
    // database when TEST_DATABASE_URL is set); two files at a time suit the 2-core CI machine.
    fileParallelism: true,
    maxWorkers: 2,
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
