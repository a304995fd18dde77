// One operation as a JSON POST: by its persisted hash when configured so, else its text.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { clientConfig, requestHeaders, type GraphQLClientConfig } from './config.js';
import { GraphQLRequestError, type GraphQLErrorEntry } from './errors.js';

export function operationNameOf(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === 'OperationDefinition' && definition.name) return definition.name.value;
  }
  return undefined;
}

/**
 * The sha256 hash the client preset embeds (`persistedDocuments: { mode: 'embedHashInDocument' }`).
 * The manifest's keys read `sha256:<hex>`; the persisted-query extension carries the bare hex.
 */
export function persistedHashOf(document: DocumentNode): string | undefined {
  return (document as { __meta__?: { hash?: string } }).__meta__?.hash?.replace(/^sha256:/, '');
}

export interface RequestBody {
  query?: string;
  operationName?: string | undefined;
  variables?: Record<string, unknown> | undefined;
  extensions?: { persistedQuery: { version: 1; sha256Hash: string } };
}

/** The JSON body of one operation: the hash only when `persisted` and the document has one. */
export function requestBody(document: DocumentNode, variables: unknown, config: GraphQLClientConfig = clientConfig()): RequestBody {
  const hash = persistedHashOf(document);
  const operationName = operationNameOf(document);
  const vars = (variables ?? undefined) as Record<string, unknown> | undefined;
  return config.persisted && hash
    ? { operationName, variables: vars, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }
    : { query: print(document), operationName, variables: vars };
}

/** Reads a GraphQL response (or an HTTP refusal in the same shape) into its `errors`. */
export async function errorsOf(response: Response): Promise<GraphQLErrorEntry[]> {
  try {
    const payload = (await response.json()) as { errors?: GraphQLErrorEntry[] };
    return Array.isArray(payload.errors) ? payload.errors : [];
  } catch {
    return [];
  }
}

/** Sends one operation as a JSON POST and resolves to its `data`; throws GraphQLRequestError. */
export async function execute<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  const config = clientConfig();
  const response = await (config.fetch ?? fetch)(config.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...requestHeaders(config),
    },
    body: JSON.stringify(requestBody(document, variables, config)),
    ...(signal ? { signal } : {}),
  });
  let payload: { data?: TResult | null; errors?: GraphQLErrorEntry[] };
  try {
    payload = (await response.json()) as typeof payload;
  } catch {
    throw new GraphQLRequestError([], response.status);
  }
  if (payload.errors?.length || payload.data == null) {
    throw new GraphQLRequestError(payload.errors ?? [], response.status);
  }
  return payload.data;
}
