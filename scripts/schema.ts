// The schema change check. `npm run schema:check` compares the committed SDL snapshot
// (schema/snapshot/schema.graphql) with the schema the gateway builds and fails, naming each
// change, when a change would break existing clients (a removed field, a narrowed argument...).
// Additions pass and are listed. `npm run schema:snapshot` accepts the current schema on purpose.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema as parseSdl, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from '../src/graph/schema.js';

export const SNAPSHOT = new URL('../schema/snapshot/schema.graphql', import.meta.url);

/** The executable schema as SDL, sorted so the snapshot does not move when files are split. */
export function currentSdl(): string {
  return `${printSchema(lexicographicSortSchema(buildSchema()))}\n`;
}

export async function schemaChanges(before: GraphQLSchema | string, after: GraphQLSchema | string) {
  const changes = await diff(typeof before === 'string' ? parseSdl(before) : before, typeof after === 'string' ? parseSdl(after) : after);
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  const other = changes.filter((c) => c.criticality.level !== CriticalityLevel.Breaking);
  return { breaking, other };
}

const describe = (change: Change) =>
  `  ${change.criticality.level.padEnd(12)} ${change.type}: ${change.message}${change.path ? ` (${change.path})` : ''}${
    change.criticality.reason ? `\n               ${change.criticality.reason}` : ''
  }`;

async function main(command: string | undefined): Promise<number> {
  const sdl = currentSdl();
  if (command === 'sdl') {
    // `npm run schema:sdl [-- file]`: the schema frontends generate their types from.
    const file = process.argv[3];
    if (file) writeFileSync(file, sdl);
    else process.stdout.write(sdl);
    return 0;
  }
  if (command === 'snapshot') {
    writeFileSync(SNAPSHOT, sdl);
    console.log(`Wrote ${SNAPSHOT.pathname}`);
    return 0;
  }
  if (command !== 'check') {
    console.error('usage: tsx scripts/schema.ts check|snapshot|sdl [file]');
    return 2;
  }
  const { breaking, other } = await schemaChanges(readFileSync(SNAPSHOT, 'utf8'), sdl);
  if (other.length) console.log(`Schema changes that keep clients working (${other.length}):\n${other.map(describe).join('\n')}`);
  if (breaking.length) {
    console.error(
      `Breaking schema changes against schema/snapshot/schema.graphql (${breaking.length}):\n${breaking.map(describe).join('\n')}\n` +
        'Existing clients would fail. Keep the old field or argument (deprecate it), or, if the break is intended, ' +
        'run npm run schema:snapshot and commit the snapshot.',
    );
    return 1;
  }
  console.log(other.length ? 'No breaking schema changes (run npm run schema:snapshot to record the additions).' : 'Schema matches the snapshot.');
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv[2]);
}
