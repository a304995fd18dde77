import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { print } from 'graphql'

/** Runs one typed document against the gateway and returns its data, or throws its first error. */
export async function execute<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
): Promise<TResult> {
  const key = import.meta.env.VITE_API_KEY
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  })
  const { data, errors } = (await response.json()) as { data?: TResult; errors?: { message: string }[] }
  if (errors?.length || !data) throw new Error(errors?.[0]?.message ?? `HTTP ${response.status}`)
  return data
}
