import { defineConfig } from 'vitest/config';
import { assertProjectNode } from './scripts/runtime.mjs';

assertProjectNode('vitest');

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
