// The React side: TanStack Query hooks over execute(), and a subscription hook over
// watchSubscription(). The generated hooks call these with their document and types; nothing here
// knows an operation.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  type InfiniteData,
  type QueryKey,
  type UseInfiniteQueryOptions,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { retryUnlessFinal, type GraphQLRequestError } from './errors.js';
import { execute } from './request.js';
import { watchSubscription, type SubscriptionOptions, type SubscriptionShape, type SubscriptionState } from './subscribe.js';

export type QueryHookOptions<TResult, TData = TResult> = Omit<UseQueryOptions<TResult, GraphQLRequestError, TData>, 'queryKey' | 'queryFn'>;

export type InfiniteQueryHookOptions<TResult> = Omit<
  UseInfiniteQueryOptions<TResult, GraphQLRequestError, InfiniteData<TResult, string | null>, QueryKey, string | null>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'
>;

export type MutationHookOptions<TResult, TVariables, TContext = unknown> = Omit<
  UseMutationOptions<TResult, GraphQLRequestError, TVariables, TContext>,
  'mutationKey' | 'mutationFn'
>;

/** Coded request errors (BAD_USER_INPUT, FORBIDDEN...) fail at once; others retry as TanStack does. */
const retry = retryUnlessFinal();

/** The key of an operation's query: its name, then its variables when given. */
export function operationKey(name: string, variables: unknown): QueryKey {
  return variables === undefined ? [name] : [name, variables];
}

export function useGraphQLQuery<TResult, TVariables, TData = TResult>(
  document: TypedDocumentNode<TResult, TVariables>,
  queryKey: QueryKey,
  variables: TVariables | undefined,
  options?: QueryHookOptions<TResult, TData>,
) {
  return useQuery<TResult, GraphQLRequestError, TData>({
    queryKey,
    queryFn: ({ signal }) => execute(document, variables, signal),
    retry,
    ...options,
  });
}

/** Pages through a connection with `$after`: `nextCursor` reads the next page's cursor, or null. */
export function useGraphQLInfiniteQuery<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  queryKey: QueryKey,
  variables: Omit<TVariables, 'after'> | undefined,
  nextCursor: (page: TResult) => string | null | undefined,
  options?: InfiniteQueryHookOptions<TResult>,
) {
  return useInfiniteQuery({
    queryKey: [...queryKey, 'infinite'],
    queryFn: ({ pageParam, signal }) => execute(document, { ...variables, after: pageParam } as TVariables, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: TResult) => nextCursor(last) ?? undefined,
    retry,
    ...options,
  });
}

export function useGraphQLMutation<TResult, TVariables, TContext = unknown>(
  document: TypedDocumentNode<TResult, TVariables>,
  name: string,
  options?: MutationHookOptions<TResult, TVariables, TContext>,
) {
  return useMutation<TResult, GraphQLRequestError, TVariables, TContext>({
    mutationKey: [name],
    mutationFn: (variables) => execute(document, variables),
    ...options,
  });
}

/** A live subscription as React state; reconnects, resumes and reports gaps (see watchSubscription). */
export function useGraphQLSubscription<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables | undefined,
  options: SubscriptionOptions<TResult> | undefined,
  shape: SubscriptionShape<TResult>,
): SubscriptionState<TResult> {
  const [state, setState] = useState<SubscriptionState<TResult>>({ data: undefined, error: undefined, connected: false, fresh: false, feedAt: undefined });
  // The latest callbacks, without reconnecting when the app passes new functions each render.
  const onData = useRef(options?.onData);
  onData.current = options?.onData;
  const onGap = useRef(options?.onGap);
  onGap.current = options?.onGap;
  const shapeRef = useRef(shape);
  shapeRef.current = shape;
  const key = JSON.stringify(variables ?? null);
  const enabled = options?.enabled ?? true;
  const staleAfterMs = options?.staleAfterMs;
  useEffect(() => {
    if (!enabled) return;
    return watchSubscription(document, JSON.parse(key) as TVariables | undefined ?? undefined, {
      resume: (data) => shapeRef.current.resume?.(data),
      feed: (data) => shapeRef.current.feed?.(data),
    }, {
      onState: setState,
      onData: (data) => onData.current?.(data),
      onGap: () => onGap.current?.(),
      ...(staleAfterMs ? { staleAfterMs } : {}),
    });
  }, [document, key, enabled, staleAfterMs]);
  return state;
}
