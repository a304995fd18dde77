// Trusted documents: the gateway runs operations by the hash of a document in the manifest that
// codegen writes from operations/*.graphql (generated/client/persisted-documents.json). Clients send
// `extensions.persistedQuery.sha256Hash` (the Apollo/Yoga convention) instead of the text. With
// GATEWAY_PERSISTED_ONLY=true nothing else runs; otherwise hashes and full documents both work.
import { ERROR_CODES, type ErrorCode } from '../errors.js';
import { existsSync, readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';

// From src/http (tsx) or dist/src/http (the build, `npm start`): the repository's generated/ either way.
export const PERSISTED_DOCUMENTS_PATH = ['../../', '../../../']
  .map((up) => new URL(`${up}generated/client/persisted-documents.json`, import.meta.url))
  .reduce((found, candidate) => (existsSync(found) ? found : candidate));

/** The manifest by bare hex sha256 (its keys read `sha256:<hex>`). */
export function loadPersistedDocuments(path: URL | string = PERSISTED_DOCUMENTS_PATH): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  return new Map(Object.entries(manifest).map(([hash, document]) => [hash.replace(/^sha256:/, ''), document]));
}

export interface PersistedDocumentsOptions {
  /** GATEWAY_PERSISTED_ONLY: refuse any operation that is not in the manifest. */
  only: boolean;
  documents?: Map<string, string>;
}

export function persistedDocuments(options: PersistedDocumentsOptions): Plugin {
  const documents = options.documents ?? loadPersistedDocuments();
  return usePersistedOperations({
    allowArbitraryOperations: !options.only,
    getPersistedOperation: (hash) => documents.get(hash.replace(/^sha256:/, '')) ?? null,
    customErrors: {
      persistedQueryOnly: {
        message:
          'This gateway runs only persisted operations: send extensions.persistedQuery.sha256Hash of a document in its manifest, not the query text.',
        extensions: { code: 'PERSISTED_QUERY_ONLY' satisfies ErrorCode, http: { status: ERROR_CODES.PERSISTED_QUERY_ONLY } },
      },
      notFound: {
        message: 'No persisted operation has this hash: regenerate the client (npm run codegen) and redeploy the gateway with its manifest.',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' satisfies ErrorCode, http: { status: ERROR_CODES.PERSISTED_QUERY_NOT_FOUND } },
      },
      keyNotFound: {
        message: 'Send a query, or extensions.persistedQuery { version: 1, sha256Hash } of a persisted operation.',
        extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED' satisfies ErrorCode, http: { status: ERROR_CODES.PERSISTED_QUERY_ID_REQUIRED } },
      },
    },
  });
}
