// `npm run test:load`: the polling load test, apart from `npm test` because it runs ~25 s.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Not mergeConfig: it would append to the base `include` and run every test.
export default defineConfig({
  resolve: base.resolve,
  test: { include: ['test/load/**/*.load.ts'], testTimeout: 60_000, hookTimeout: 20_000 },
});
