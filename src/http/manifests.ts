// GATEWAY_PERSISTED_MANIFESTS: apps in their own repositories register their trusted documents
// with the gateway. Each entry is a manifest file or a folder of them (*.json), in the format
// codegen writes here and The Guild's client-preset writes with `persistedDocuments:
// { hashAlgorithm: 'sha256' }`: { "<sha256 hex>" | "sha256:<hex>": "<document>" }. They are loaded
// after the gateway's own manifest (generated/client/persisted-documents.json), and every entry is
// checked once at start-up, so a bad manifest stops the gateway instead of failing a client later:
// valid JSON, the key is the sha256 of its document, the document parses and validates against the
// schema, and no hash maps to two different documents.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { ConfigError } from '../config.js';
import { PERSISTED_DOCUMENTS_PATH } from './persisted.js';

const VARIABLE = 'GATEWAY_PERSISTED_MANIFESTS';
const HASH = /^(?:sha256:)?([0-9a-f]{64})$/i;

/** "GATEWAY_PERSISTED_MANIFESTS: <file>: <problem>" (main.ts prints it and exits 1). */
const fail = (problem: string): never => {
  const error = new ConfigError(VARIABLE, problem);
  error.message = `${VARIABLE}: ${problem}`;
  throw error;
};

/** The files an entry names: itself, or the *.json files of a folder (sorted, so errors are stable). */
function manifestFiles(entry: string): string[] {
  let stat;
  try {
    stat = statSync(entry);
  } catch {
    return fail(`"${entry}" does not exist.`);
  }
  if (!stat.isDirectory()) return [entry];
  const files = readdirSync(entry)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(entry, name));
  return files.length > 0 ? files : fail(`the folder "${entry}" has no .json manifest.`);
}

function readManifest(file: string): Array<[string, string]> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return fail(`${file} is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return fail(`${file} must be a JSON object of { "<sha256 hash>": "<document>" }.`);
  }
  return Object.entries(manifest).map(([key, document]) => {
    if (typeof document !== 'string') return fail(`${file}: the value of "${key}" must be the document's text.`);
    return [key, document];
  });
}

/** The document, parsed and valid against the schema, or a start-up error naming the file and hash. */
function checkDocument(file: string, hash: string, document: string, schema: GraphQLSchema): void {
  let parsed: DocumentNode;
  try {
    parsed = parse(document);
  } catch (error) {
    return fail(`${file}: the document of ${hash} does not parse (${error instanceof GraphQLError ? error.message : String(error)}).`);
  }
  const errors = validate(schema, parsed);
  if (errors.length > 0) fail(`${file}: the document of ${hash} is not valid against the gateway's schema (${errors[0]!.message}).`);
}

/**
 * Every trusted document by bare lower-case sha256 hex: the gateway's own manifest, then each
 * GATEWAY_PERSISTED_MANIFESTS entry. Throws a ConfigError (src/main.ts: exit 1) at the first problem.
 */
export function loadPersistedManifests(entries: string[], schema: GraphQLSchema, own: URL | string = PERSISTED_DOCUMENTS_PATH): Map<string, string> {
  const documents = new Map<string, { document: string; file: string }>();
  const ownFile = typeof own === 'string' ? own : fileURLToPath(own);
  const files = [ownFile, ...entries.flatMap(manifestFiles)];
  for (const file of new Set(files)) {
    const shown = file === ownFile ? relative(process.cwd(), file) || file : file;
    for (const [key, document] of readManifest(file)) {
      const hash = HASH.exec(key)?.[1]?.toLowerCase();
      if (!hash) fail(`${shown}: "${key}" is not a sha256 hash (64 hex digits, optionally after "sha256:"; with client-preset set persistedDocuments.hashAlgorithm to 'sha256').`);
      const earlier = documents.get(hash!);
      if (earlier) {
        if (earlier.document !== document) fail(`the hash ${hash} maps to different documents in ${earlier.file} and ${shown}.`);
        continue; // the same document registered twice (two apps sharing an operation): fine
      }
      const actual = createHash('sha256').update(document).digest('hex');
      if (actual !== hash) fail(`${shown}: "${key}" is not the sha256 of its document (that is ${actual}).`);
      checkDocument(shown, hash!, document, schema);
      documents.set(hash!, { document, file: shown });
    }
  }
  return new Map([...documents].map(([hash, { document }]) => [hash, document]));
}
