// The programmatic controls (contract.ts SandboxControl). Orders handed out are copies that
// include the receipt (or null), so tests can see what demo mode and status moves did.
import type { ClopOrder, ClopOrderStatus } from '../upstreams/clopos/types.js';
import type { SandboxControl } from './contract.js';
import type { SandboxContext } from './context.js';
import type { DemoRunner } from './demo.js';
import { faultProblem } from './faults.js';
import { ORDER_STATUSES, RECEIPT_FIELDS } from './list-query.js';
import { present } from './order-list.js';
import type { StoredOrder } from './store.js';

const copy = (stored: StoredOrder): ClopOrder => structuredClone(present(stored, RECEIPT_FIELDS));

export function createControl(ctx: SandboxContext, demo: DemoRunner): SandboxControl {
  return {
    injectFault(fault) {
      const problem = faultProblem(fault);
      if (problem) throw new TypeError(`Invalid fault: ${problem}`);
      ctx.faults.add(fault);
    },
    clearFaults: () => ctx.faults.clear(),
    setOrderStatus(id: number, status: ClopOrderStatus) {
      if (!ORDER_STATUSES.includes(status)) throw new TypeError(`status must be one of ${ORDER_STATUSES.join(', ')}`);
      const stored = ctx.store.setStatus(id, status);
      if (!stored) throw new RangeError(`Order ${id} not found`);
      return copy(stored);
    },
    requests: () => ctx.log.list(),
    clearRequests: () => ctx.log.clear(),
    reset() {
      ctx.store.reset();
      ctx.catalog.reset();
      ctx.faults.clear();
      ctx.log.clear();
      ctx.tenantLimits.clear();
      ctx.authLimits.clear();
    },
    orders: () => ctx.store.newestFirst().map(copy),
    addOrder: (partial) => copy(ctx.store.add(partial)),
    setStock: (productId, limit) => ctx.catalog.setStock(productId, limit),
    stopList: () => ctx.catalog.stopList(),
    startDemo: (intervalMs) => demo.start(intervalMs),
    stopDemo: () => demo.stop(),
  };
}
