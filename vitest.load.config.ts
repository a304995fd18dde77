// `npm run test:load`: the polling load test (~25 s) and the slow-consumer test (500 connections,
// ~20 MB of changes), apart from `npm test` because they load the machine.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Not mergeConfig: it would append to the base `include` and run every test.
export default defineConfig({
  resolve: base.resolve,
  // One file at a time: each loads the machine on its own (and the slow-consumer test moves ~20 MB).
  test: { include: ['test/load/**/*.load.ts'], testTimeout: 60_000, hookTimeout: 20_000, fileParallelism: false },
});
