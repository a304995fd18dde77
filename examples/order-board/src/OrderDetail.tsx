import { useQueryClient } from '@tanstack/react-query';
import { useCancelOrderMutation, useOrderDetailQuery } from '../../../generated/client/hooks';
import { money, when } from './format';
import { statusLabel } from './OrderBoard';

export function OrderDetail({ id, onClose, onCancelled }: { id: string; onClose: () => void; onCancelled: (id: string) => void }) {
  const queryClient = useQueryClient();
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
  const total = order.lines.reduce(
    (sum, line) => sum + line.quantity * (line.unitPrice + line.modifiers.reduce((m, mod) => m + mod.quantity * mod.unitPrice, 0)),
    order.deliveryFee ?? 0,
  );
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
              <span>{money(line.quantity * line.unitPrice)}</span>
            </div>
            {line.note && <div className="note">“{line.note}”</div>}
            {line.modifiers.length > 0 && (
              <ul className="modifiers">
                {line.modifiers.map((mod) => (
                  <li key={mod.modifierId}>
                    + {mod.quantity > 1 ? `${mod.quantity}× ` : ''}
                    {mod.name} {mod.unitPrice > 0 ? money(mod.unitPrice) : ''}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {order.deliveryFee ? <p className="meta">Delivery {money(order.deliveryFee)}</p> : null}
      <p className="total">Total {money(total)}</p>
      {order.comment && <p className="note">{order.comment}</p>}
      {cancelErrors.map((e) => (
        <p key={e.code} className="error" role="alert">
          {e.message}
        </p>
      ))}
      {cancel.error && <p className="error">{cancel.error.message}</p>}
      {order.status !== 'CANCELLED' && (
        <button type="button" className="danger" disabled={cancel.isPending} onClick={() => cancel.mutate({ id: order.id, venueId: order.venueId })}>
          {cancel.isPending ? 'Cancelling…' : 'Cancel order'}
        </button>
      )}
    </section>
  );
}
