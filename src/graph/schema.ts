import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSchema } from 'graphql-yoga';
import type { GraphContext } from './context.js';
import { resolvers } from './resolvers/index.js';

// From src/graph (tsx) or dist/src/graph (the build, `npm start`): the repository's schema/ either way.
const SCHEMA_DIR = ['../../schema/', '../../../schema/']
  .map((up) => fileURLToPath(new URL(up, import.meta.url)))
  .reduce((found, candidate) => (existsSync(found) ? found : candidate));

/** The SDL in schema/*.graphql, read once at start-up. */
export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(SCHEMA_DIR + file, 'utf8'));
}

export function buildSchema() {
  return createSchema<GraphContext>({ typeDefs: loadTypeDefs(), resolvers });
}
