// The README's error lists are the errors module's, code for code.
import { readFileSync } from 'node:fs';
import { assertEnumType, buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, USER_ERROR_CODES } from '../src/errors.js';
import { buildSchema as gatewaySchema } from '../src/graph/schema.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('### Errors'), readme.indexOf('\n## ', readme.indexOf('### Errors')));

describe('the errors module and the README', () => {
  it('lists in the README error table exactly the extensions.code values src/errors.ts defines', () => {
    const table = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(new Set(table).size).toBe(table.length);
    expect([...table].sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it('names in the README exactly the UserErrorCode values, which are the SDL enum', () => {
    const paragraph = section.slice(section.indexOf('Mutations report expected failures'));
    // Settings named in passing (`REDIS_URL`) are not codes.
    const configuration = readme.slice(readme.indexOf('### Settings'), readme.indexOf('\n#', readme.indexOf('### Settings') + 5));
    const settings = new Set([...configuration.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));
    const named = new Set([...paragraph.matchAll(/`([A-Z][A-Z_]{2,})`/g)].map((m) => m[1]!).filter((code) => !settings.has(code)));
    expect([...named].sort()).toEqual(Object.keys(USER_ERROR_CODES).sort());
    const sdl = buildSchema(readFileSync(new URL('../schema/mutations.graphql', import.meta.url), 'utf8') + readFileSync(new URL('../schema/orders.graphql', import.meta.url), 'utf8') + readFileSync(new URL('../schema/scalars.graphql', import.meta.url), 'utf8') + readFileSync(new URL('../schema/subscriptions.graphql', import.meta.url), 'utf8'));
    const values = assertEnumType(sdl.getType('UserErrorCode')).getValues().map((v) => v.name);
    expect(values.sort()).toEqual(Object.keys(USER_ERROR_CODES).sort());
    // The gateway's executable schema carries the same enum.
    expect(gatewaySchema().getType('UserErrorCode')?.toString()).toBe('UserErrorCode');
  });
});
