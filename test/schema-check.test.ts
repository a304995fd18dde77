import { describe, expect, it } from 'vitest';
import { currentSdl, schemaChanges } from '../scripts/schema.js';

const BEFORE = `type Query { orders(first: Int): [Order!]! }
type Order { id: ID! status: String! total: Float }`;

describe('the schema change check', () => {
  it('names a removed field and a narrowed argument as breaking', async () => {
    const after = `type Query { orders(first: Int!): [Order!]! }
type Order { id: ID! status: String! }`;
    const { breaking } = await schemaChanges(BEFORE, after);
    expect(breaking.map((c) => c.type).sort()).toEqual(['FIELD_ARGUMENT_TYPE_CHANGED', 'FIELD_REMOVED']);
    expect(breaking.map((c) => c.message).join('\n')).toContain("Field 'total' was removed from object type 'Order'");
  });

  it('lets an added field through as non-breaking', async () => {
    const after = `type Query { orders(first: Int): [Order!]! }
type Order { id: ID! status: String! total: Float note: String }`;
    const { breaking, other } = await schemaChanges(BEFORE, after);
    expect(breaking).toEqual([]);
    expect(other.map((c) => c.type)).toEqual(['FIELD_ADDED']);
  });

  it('builds the snapshot SDL from the executable schema, sorted', () => {
    const sdl = currentSdl();
    expect(sdl).toContain('type Query {');
    expect(sdl.indexOf('type CancelOrderPayload')).toBeLessThan(sdl.indexOf('type Query'));
  });
});
