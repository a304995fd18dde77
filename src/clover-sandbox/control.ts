// The programmatic controls (contract.ts CloverSandboxControl). Orders handed out are deep copies.
import type { CloverOrder, CloverSandboxControl } from './contract.js';
import type { CloverContext } from './context.js';
import { addArrival, demoTick, type DemoRunner } from './demo.js';

const STATES = ['open', 'locked', null];

export function createControl(ctx: CloverContext, demo: DemoRunner): CloverSandboxControl {
  const found = (id: string): CloverOrder => {
    const order = ctx.store.find(id);
    if (!order) throw new RangeError(`Order ${id} not found`);
    return order;
  };
  return {
    injectFault: (fault) => ctx.faults.add(fault),
    clearFaults: () => ctx.faults.clear(),
    faults: () => ctx.faults.list(),
    requests: () => ctx.log.map((e) => structuredClone(e)),
    requestCounts() {
      const counts: Record<string, number> = {};
      for (const e of ctx.log) counts[e.route] = (counts[e.route] ?? 0) + 1;
      return counts;
    },
    clearRequests: () => {
      ctx.log.length = 0;
    },
    reset() {
      ctx.store.reset();
      ctx.faults.clear();
      ctx.log.length = 0;
      ctx.limits.clear();
      ctx.oauth.reset();
      ctx.writeAllowed = true;
    },
    orders: () => ctx.store.all().sort((a, b) => b.createdTime - a.createdTime || (a.id < b.id ? 1 : -1)).map((o) => structuredClone(o)),
    order: (id) => {
      const order = ctx.store.find(id);
      return order && structuredClone(order);
    },
    customers: () => [...ctx.store.customers.values()].map((c) => ({ ...c })),
    catalogue: () => structuredClone(ctx.store.catalogue),
    addOrder: (partial) => structuredClone(addArrival(ctx.store, partial)),
    updateOrder(id, patch) {
      const order = found(id);
      if (patch.state !== undefined && !STATES.includes(patch.state)) throw new TypeError('state must be "open", "locked" or null');
      if (patch.total !== undefined && !Number.isSafeInteger(patch.total)) throw new TypeError('total must be an integer in cents');
      Object.assign(order, patch);
      ctx.store.touch(order);
      return structuredClone(order);
    },
    setWritePermission: (allowed) => {
      ctx.writeAllowed = allowed;
    },
    setEnforceRateLimits: (enforce) => {
      ctx.limits.enforce = enforce;
    },
    expireAccessTokens: () => ctx.oauth.expireAll(),
    currentRefreshToken: () => ctx.oauth.current(),
    startDemo: (intervalMs) => demo.start(intervalMs),
    stopDemo: () => demo.stop(),
    demoTick: () => demoTick(ctx.store),
  };
}
