import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OrderFilter, OrderSort, OrderStatus } from '../../../generated/client/graphql';
import { useOrderBoardInfiniteQuery, useOrderChangesSubscription } from '../../../generated/client/hooks';
import { when } from './format';

const STATUSES: OrderStatus[] = ['PENDING', 'RECEIVED', 'DELIVERED', 'CANCELLED'];

const SORTS: Record<string, { label: string; sort: OrderSort }> = {
  newest: { label: 'Newest first', sort: { field: 'CREATED_AT', direction: 'DESC' } },
  oldest: { label: 'Oldest first', sort: { field: 'CREATED_AT', direction: 'ASC' } },
  updated: { label: 'Recently updated', sort: { field: 'UPDATED_AT', direction: 'DESC' } },
  id: { label: 'Id, ascending', sort: { field: 'ID', direction: 'ASC' } },
};

export const statusLabel = (status: OrderStatus) => status;

export function OrderBoard({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sort, setSort] = useState<keyof typeof SORTS>('newest');

  const filter: OrderFilter = {
    ...(status ? { status } : {}),
    ...(from ? { createdFrom: from } : {}),
    ...(to ? { createdTo: to } : {}),
  };
  const board = useOrderBoardInfiniteQuery({ first: 10, filter, orderBy: SORTS[sort]!.sort });
  const orders = board.data?.pages.flatMap((page) => page.orders.nodes) ?? [];
  const total = board.data?.pages[0]?.orders.totalCount;
  // Live: every change the gateway pushes refetches the board's pages (the list's own filter and
  // sort decide where the order now belongs); so does a gap (RESYNC, or a reconnect that could
  // not resume), after which changes may have been missed.
  const queryClient = useQueryClient();
  const refetch = () => void queryClient.invalidateQueries({ queryKey: ['OrderBoard'] });
  const live = useOrderChangesSubscription(
    {},
    { onData: refetch, onGap: refetch, staleAfterMs: Number(import.meta.env.VITE_LIVE_STALE_AFTER_MS) || undefined },
  );
  const last = live.data?.orderChanged;

  return (
    <section className="board" aria-label="Orders">
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value as OrderStatus | '')}>
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Created from
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          Created to
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          Sort
          <select value={sort} onChange={(e) => setSort(e.target.value)}>
            {Object.entries(SORTS).map(([key, { label }]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </form>

      {board.error && (
        <p className="error" role="alert">
          {board.error.code ? `${board.error.code}: ` : ''}
          {board.error.message}
        </p>
      )}
      {/* "Live" only while the feed is fresh: connected, hearing from the gateway, and the gateway
          still reading Clopos. Connected but behind (a stalled poller): "Stale". */}
      <p className="live" data-testid="live-status" data-connected={live.connected} data-fresh={live.fresh} title={live.feedAt ? `Last read of Clopos: ${when(live.feedAt)}` : undefined}>
        {live.fresh ? '● Live' : live.connected ? '◐ Stale: updates may be late' : '○ Reconnecting…'}
        {last?.order &&
          ` · #${last.order.id} ${last.kind === 'CREATED' ? 'new' : last.previousStatus && last.kind === 'STATUS_CHANGED' ? `${statusLabel(last.previousStatus)} → ${statusLabel(last.order.status)}` : 'updated'}`}
      </p>
      <p className="count" data-testid="order-count">
        {board.isPending ? 'Loading…' : `Showing ${orders.length} of ${total ?? 0} orders`}
      </p>
      <table className="orders">
        <thead>
          <tr>
            <th>#</th>
            <th>Status</th>
            <th>Created (UTC)</th>
            <th>Customer</th>
            <th>Items</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr
              key={order.id}
              data-testid="order-row"
              data-status={order.status}
              data-created={order.createdAt}
              className={order.id === selected ? 'selected' : undefined}
              onClick={() => onSelect(order.id)}
            >
              <td>{order.id}</td>
              <td>
                <span className={`badge ${order.status.toLowerCase()}`}>{statusLabel(order.status)}</span>
              </td>
              <td>{when(order.createdAt)}</td>
              <td>{order.customer?.name ?? 'Guest'}</td>
              <td className="items">{order.lines.map((line) => `${line.quantity}× ${line.name}`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {board.hasNextPage && (
        <button type="button" className="more" disabled={board.isFetchingNextPage} onClick={() => void board.fetchNextPage()}>
          {board.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
