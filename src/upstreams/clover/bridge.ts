// The Clover client's methods as the shield's one typed `call(name, input)` (src/upstreams/
// operation.ts), and back: the adapter keeps calling methods, the shield sees operations.
import type { OperationApi } from '../operation.js';
import type { CloverApi } from './client.js';
import type { CloverOperations } from './operations.js';

export type CloverCallable = OperationApi<CloverOperations>;

export function toCallable(api: CloverApi): CloverCallable {
  const table: { [N in keyof CloverOperations]?: (input: never) => Promise<unknown> } = {
    cloverListOrders: (p: Parameters<CloverApi['listOrders']>[0]) => api.listOrders(p),
    cloverGetOrder: (i: { id: string; expand?: string[] }) => api.getOrder(i.id, i.expand),
    cloverListLineItems: (i: { id: string; offset: number; limit: number }) => api.listLineItems(i.id, i.offset, i.limit),
    cloverCreateOrder: (body: Parameters<CloverApi['createOrder']>[0]) => api.createOrder(body),
    cloverUpdateOrder: (i: { id: string; body: Parameters<CloverApi['updateOrder']>[1] }) => api.updateOrder(i.id, i.body),
    cloverDeleteOrder: (i: { id: string }) => api.deleteOrder(i.id),
    cloverAddLineItems: (i: { id: string; items: Parameters<CloverApi['addLineItems']>[1] }) => api.addLineItems(i.id, i.items),
    cloverAddModification: (i: { orderId: string; lineItemId: string; body: Parameters<CloverApi['addModification']>[2] }) =>
      api.addModification(i.orderId, i.lineItemId, i.body),
  };
  return {
    call: (name, input) => (table[name] as (input: unknown) => Promise<never>)(input),
  };
}

export function fromCallable(op: CloverCallable, merchantId: string): CloverApi {
  return {
    merchantId,
    listOrders: (p) => op.call('cloverListOrders', p),
    getOrder: (id, expand) => op.call('cloverGetOrder', expand === undefined ? { id } : { id, expand }),
    listLineItems: (id, offset, limit) => op.call('cloverListLineItems', { id, offset, limit }),
    createOrder: (body) => op.call('cloverCreateOrder', body),
    updateOrder: (id, body) => op.call('cloverUpdateOrder', { id, body }),
    deleteOrder: (id) => op.call('cloverDeleteOrder', { id }),
    addLineItems: (id, items) => op.call('cloverAddLineItems', { id, items }),
    addModification: (orderId, lineItemId, body) => op.call('cloverAddModification', { orderId, lineItemId, body }),
  };
}
