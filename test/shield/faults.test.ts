// Clopos misbehaving in every way the sandbox can: each GraphQL request still gets data or a
// coded error within its deadline, nothing crashes, and normal service is back soon after.
import { afterEach, expect, it } from 'vitest';
import { LIST, ORDER, type ShieldedGateway, sleep, startShieldedGateway } from './support.js';

let gw: ShieldedGateway;
afterEach(() => gw?.close());

const CODED = new Set(['UPSTREAM_UNAVAILABLE', 'UPSTREAM_RATE_LIMITED']);
const DEADLINE_MS = 1500;

it('answers every request with data or a coded error within its deadline, and recovers within 10 s after the faults stop', async () => {
  gw = await startShieldedGateway({ settings: { cacheTtlMs: 0, cloposTimeoutMs: 600, requestTimeoutMs: DEADLINE_MS } });
  const { control } = gw.sandbox;
  control.injectFault({ path: '/orders', latencyMs: 2000, times: 8 });
  control.injectFault({ path: '/orders', status: 500, times: 8 });
  control.injectFault({ path: '/orders', resetConnection: true, times: 5 });
  control.injectFault({ path: '/orders', malformedJson: true, times: 5 });
  control.injectFault({ path: '/orders', status: 429, rateLimitReset: 1, times: 3 });
  control.injectFault({ path: '/orders', status: 503 });

  const answers: Array<{ ok: boolean; codes: unknown[]; ms: number }> = [];
  const faultsUntil = Date.now() + 3000;
  await Promise.all(
    Array.from({ length: 20 }, async (_, client) => {
      for (let n = 0; Date.now() < faultsUntil; n++) {
        const answer =
          n % 3 === 2 ? await gw.gql(ORDER, { id: String(1 + ((client + n) % 150)) }) : await gw.gql(LIST, { first: 1 + ((client + n) % 20) });
        answers.push({ ok: answer.errors === undefined && answer.data != null, codes: (answer.errors ?? []).map((e) => e.extensions?.code), ms: answer.ms });
      }
    }),
  );
  expect(answers.length).toBeGreaterThan(40);
  for (const a of answers) {
    expect(a.ok || (a.codes.length > 0 && a.codes.every((c) => CODED.has(String(c))))).toBe(true);
    // Slack for a loaded 2-core CI machine; still well under the 2000 ms of injected latency, so a
    // request that waited for Clopos past its deadline fails this.
    expect(a.ms).toBeLessThanOrEqual(DEADLINE_MS + 400);
  }

  control.clearFaults();
  const stopped = Date.now();
  let recoveredAfter: number | undefined;
  while (Date.now() - stopped < 10_000) {
    const answer = await gw.gql(LIST, { first: 3 });
    if (answer.errors === undefined) {
      recoveredAfter = Date.now() - stopped;
      break;
    }
    await sleep(100);
  }
  expect(recoveredAfter).toBeDefined();
  expect(recoveredAfter!).toBeLessThan(10_000);
  // And it keeps serving normally.
  for (let i = 0; i < 5; i++) expect((await gw.gql(LIST, { first: 4 + i })).errors).toBeUndefined();
  console.log(`faults: ${answers.length} answers (${answers.filter((a) => a.ok).length} with data), recovered ${recoveredAfter} ms after the faults stopped`);
}, 30_000);
