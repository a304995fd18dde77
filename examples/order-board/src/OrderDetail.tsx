import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCancelOrderMutation, useOrderDetailQuery } from '../../../generated/client/hooks';
import { when } from './format';
import { statusLabel } from './OrderBoard';

export function OrderDetail({ id, onClose, onCancelled }: { id: string; onClose: () => void; onCancelled: (id: string) => void }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const detail = useOrderDetailQuery({ id });
  const cancel = useCancelOrderMutation({
    onSuccess: async (result) => {
      if (result.cancelOrder.order) onCancelled(result.cancelOrder.order.id);
      // Both the board and this order changed.
      await queryClient.invalidateQueries({ queryKey: ['OrderBoard'] });
      await queryClient.invalidateQueries({ queryKey: ['OrderDetail'] });
    },
  });

  if (detail.isPending) return <section className="detail">Loading order #{id}…</section>;
  if (detail.error) return <section className="detail error">{detail.error.message}</section>;
  const order = detail.data.order;
  if (!order) return <section className="detail">Order #{id} does not exist.</section>;
  // Every amount is the graph's Money (exact decimals with their currency), never computed here.
  const show = (m: { amount: string; currencyCode: string }) => `${m.amount} ${m.currencyCode}`;
  const cancelErrors = cancel.data?.cancelOrder.userErrors ?? [];

  return (
    <section className="detail" aria-label={`Order ${order.id}`} data-testid="order-detail">
      <header>
        <h2>
          Order #{order.id} <span className={`badge ${order.status.toLowerCase()}`}>{statusLabel(order.status)}</span>
        </h2>
        <button type="button" className="link" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      <p className="meta">
        {when(order.createdAt)} · venue {order.venueId} · {order.customer?.name ?? 'Guest'}
        {order.customer?.phone ? ` · ${order.customer.phone}` : ''}
      </p>
      {order.customer?.address && <p className="meta">{order.customer.address}</p>}
      <ul className="lines">
        {order.lines.map((line, i) => (
          <li key={i}>
            <div className="line">
              <span>
                {line.quantity}× {line.name}
              </span>
              <span>{show(line.total)}</span>
            </div>
            {line.note && <div className="note">“{line.note}”</div>}
            {line.modifiers.length > 0 && (
              <ul className="modifiers">
                {line.modifiers.map((mod) => (
                  <li key={mod.modifierId}>
                    + {mod.quantity > 1 ? `${mod.quantity}× ` : ''}
                    {mod.name} {mod.unitPrice > 0 ? show(mod.price) : ''}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {order.deliveryCharge ? <p className="meta">Delivery {show(order.deliveryCharge)}</p> : null}
      <p className="total">Total {order.total ? show(order.total) : '—'}</p>
      {order.comment && <p className="note">{order.comment}</p>}
      {cancelErrors.map((e) => (
        <p key={e.code} className="error" role="alert">
          {e.message}
        </p>
      ))}
      {cancel.error && <p className="error">{cancel.error.message}</p>}
      {order.status !== 'CANCELLED' && !confirming && (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Cancel order
        </button>
      )}
      {order.status !== 'CANCELLED' && confirming && (
        <div className="row" role="group" aria-label="Confirm cancel">
          <span>Cancel order #{order.id}? The POS is told at once.</span>
          <button
            type="button"
            className="danger"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate({ id: order.id, venueId: order.venueId }, { onSettled: () => setConfirming(false) })}
          >
            {cancel.isPending ? 'Cancelling…' : 'Yes, cancel'}
          </button>
          <button type="button" className="link" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      )}
    </section>
  );
}
