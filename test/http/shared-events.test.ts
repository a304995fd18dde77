// Subscription events executed once per event and selection (src/http/shared-events.ts): many
// subscribers of the same message cost one execution of their selection, and each still receives
// the event exactly once, with what it selected. A small schema whose resolver counts its calls.
import { createSchema, createYoga } from 'graphql-yoga';
import { afterEach, expect, it } from 'vitest';
import { Channel } from '../../src/live/channel.js';
import { useSharedSubscriptionEvents } from '../../src/http/shared-events.js';
import { until } from '../live/support.js';

interface Event {
  id: string;
}

const channels = new Set<Channel<Event>>();
let resolved = 0;
const upstream = {};

const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type Query { ok: Boolean }
      type Thing { id: ID! label(prefix: String): String! }
      type Subscription { thing(tag: String): Thing! }
    `,
    resolvers: {
      Subscription: {
        thing: {
          subscribe: () => {
            const channel: Channel<Event> = new Channel(() => channels.delete(channel));
            channels.add(channel);
            return channel;
          },
          resolve: (event: Event) => {
            resolved++;
            return event;
          },
        },
      },
      Thing: { label: (thing: Event, { prefix }: { prefix?: string }) => `${prefix ?? ''}${thing.id}` },
    },
  }),
  context: () => ({ upstream }),
  plugins: [useSharedSubscriptionEvents()],
  logging: false,
});

const aborts: AbortController[] = [];
afterEach(async () => {
  for (const a of aborts.splice(0)) a.abort();
  await until(() => channels.size === 0, 10_000, 'every subscription to end');
  resolved = 0;
});

function subscribe(query: string, variables: Record<string, unknown> = {}) {
  const abort = new AbortController();
  aborts.push(abort);
  const received: unknown[] & { ended?: boolean } = [];
  void Promise.resolve(
    yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query, variables }),
      signal: abort.signal,
    }),
  ).then(async (response) => {
      const reader = response.body!.getReader();
      // In process there is no socket to close: cancelling the body ends the subscription.
      abort.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined));
      const decoder = new TextDecoder();
      let text = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return void (received.ended = true);
        text += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const data = text.slice(0, end).split('\n').find((l) => l.startsWith('data:'));
          text = text.slice(end + 2);
          if (data && data.length > 6) received.push(JSON.parse(data.slice(5)));
        }
      }
    });
  return received;
}

const publish = (event: Event) => {
  for (const c of channels) c.push(event);
};

it('executes an event once for every subscriber of the same selection, whatever their root arguments, and each receives it once', async () => {
  const byTag = Array.from({ length: 30 }, (_, i) => subscribe('subscription($tag: String) { thing(tag: $tag) { id label } }', { tag: `t${i % 3}` }));
  await until(() => channels.size === 30, 10_000, '30 subscriptions');
  publish({ id: '1' });
  publish({ id: '2' });
  await until(() => byTag.every((r) => r.length === 2), 10_000, 'both events at every subscriber');
  for (const r of byTag) expect(r).toEqual([{ data: { thing: { id: '1', label: '1' } } }, { data: { thing: { id: '2', label: '2' } } }]);
  // One execution per event: `tag` is read by the root field's subscribe only.
  expect(resolved).toBe(2);
});

it('executes separately per distinct selection, and per value of a variable the selection reads', async () => {
  const plain = Array.from({ length: 5 }, () => subscribe('subscription { thing { id } }'));
  const a = Array.from({ length: 5 }, () => subscribe('subscription($p: String) { thing { label(prefix: $p) } }', { p: 'a:' }));
  const b = Array.from({ length: 5 }, () => subscribe('subscription($p: String) { thing { label(prefix: $p) } }', { p: 'b:' }));
  await until(() => channels.size === 15, 10_000, '15 subscriptions');
  publish({ id: '7' });
  await until(() => [...plain, ...a, ...b].every((r) => r.length === 1), 10_000, 'the event at every subscriber');
  for (const r of plain) expect(r).toEqual([{ data: { thing: { id: '7' } } }]);
  for (const r of a) expect(r).toEqual([{ data: { thing: { label: 'a:7' } } }]);
  for (const r of b) expect(r).toEqual([{ data: { thing: { label: 'b:7' } } }]);
  expect(resolved).toBe(3);
});

it('ends the stream of a subscription whose source fails (a slow consumer dropped), and only that one', async () => {
  const other = subscribe('subscription { thing { id } }');
  const received = subscribe('subscription { thing { id } }');
  await until(() => channels.size === 2, 10_000, 'the subscriptions');
  const [, channel] = [...channels];
  publish({ id: '1' });
  await until(() => received.length === 1 && other.length === 1, 10_000, 'the event');
  channel!.fail(new Error('stopped'), true);
  await until(() => received.ended === true, 10_000, 'the failed stream to end');
  publish({ id: '2' });
  await until(() => other.length === 2, 10_000, 'the next event at the other subscriber');
  expect(other.ended).toBeUndefined();
  expect(received).toHaveLength(1);
});
