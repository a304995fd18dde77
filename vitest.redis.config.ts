// `npm run test:redis`: several gateway instances sharing a real redis-server (CI installs it).
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Not mergeConfig: it would append to the base `include` and run every test.
export default defineConfig({
  resolve: base.resolve,
  test: { include: ['test/redis/**/*.redis.ts'], testTimeout: 60_000, hookTimeout: 20_000, fileParallelism: false },
});
