import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CreateOrderInput } from '../../../generated/client/graphql';
import { useCreateOrderMutation } from '../../../generated/client/hooks';
import { MENU, SALE_TYPES, VENUES } from './menu';

interface LineDraft {
  productId: string;
  name: string;
  quantity: string;
  unitPrice: string;
  modifierId: string;
}

const newLine = (): LineDraft => {
  const item = MENU[0]!;
  return { productId: item.id, name: item.name, quantity: '1', unitPrice: String(item.price), modifierId: '' };
};

/** A number input's value; blank is 0 so the gateway's own validation answers, next to the field. */
const num = (value: string) => (value.trim() === '' ? 0 : Number(value));

export function CreateOrderForm({ onCreated }: { onCreated: (id: string) => void }) {
  const queryClient = useQueryClient();
  const [venueId, setVenueId] = useState('1');
  const [saleTypeId, setSaleTypeId] = useState('2');
  const [customer, setCustomer] = useState({ name: '', phone: '', address: '' });
  const [lines, setLines] = useState<LineDraft[]>([newLine()]);
  const create = useCreateOrderMutation({
    onSuccess: async (result) => {
      const order = result.createOrder.order;
      if (!order) return;
      onCreated(order.id);
      setLines([newLine()]);
      await queryClient.invalidateQueries({ queryKey: ['OrderBoard'] });
    },
  });

  // userErrors by input path, e.g. "input.lines.0.quantity"; the ones no field shows go on top.
  const userErrors = create.data?.createOrder.userErrors ?? [];
  const shown = new Set<string>();
  const errorAt = (path: string) => {
    const error = userErrors.find((e) => e.field.join('.') === path);
    if (!error) return null;
    shown.add(path);
    return (
      <span className="field-error" role="alert" data-field={path}>
        {error.message}
      </span>
    );
  };

  const setLine = (index: number, patch: Partial<LineDraft>) =>
    setLines((all) => all.map((line, i) => (i === index ? { ...line, ...patch } : line)));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const input: CreateOrderInput = {
      venueId,
      saleTypeId,
      customer: {
        name: customer.name || undefined,
        phone: customer.phone || undefined,
        address: customer.address || undefined,
      },
      lines: lines.map((line) => {
        const modifier = MENU.find((m) => m.id === line.productId)?.modifiers.find((m) => m.id === line.modifierId);
        return {
          productId: line.productId,
          name: line.name,
          quantity: num(line.quantity),
          unitPrice: num(line.unitPrice),
          ...(modifier ? { modifiers: [{ modifierId: modifier.id, name: modifier.name, quantity: 1, unitPrice: modifier.price }] } : {}),
        };
      }),
      idempotencyKey: crypto.randomUUID(),
    };
    create.mutate({ input });
  };

  const fields = (
    <>
      <div className="row">
        <label>
          Venue
          <select value={venueId} onChange={(e) => setVenueId(e.target.value)}>
            {VENUES.map((v) => (
              <option key={v} value={v}>
                Venue {v}
              </option>
            ))}
          </select>
          {errorAt('input.venueId')}
        </label>
        <label>
          Sale type
          <select value={saleTypeId} onChange={(e) => setSaleTypeId(e.target.value)}>
            {SALE_TYPES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          {errorAt('input.saleTypeId')}
        </label>
      </div>
      <div className="row">
        {(['name', 'phone', 'address'] as const).map((key) => (
          <label key={key}>
            Customer {key}
            <input value={customer[key]} onChange={(e) => setCustomer({ ...customer, [key]: e.target.value })} />
            {errorAt(`input.customer.${key}`)}
          </label>
        ))}
      </div>
      {lines.map((line, index) => {
        const item = MENU.find((m) => m.id === line.productId);
        return (
          <fieldset key={index} className="line-input" data-testid={`line-${index}`}>
            <legend>Line {index + 1}</legend>
            <label>
              Product
              <select
                value={line.productId}
                onChange={(e) => {
                  const next = MENU.find((m) => m.id === e.target.value)!;
                  setLine(index, { productId: next.id, name: next.name, unitPrice: String(next.price), modifierId: '' });
                }}
              >
                {MENU.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
              {errorAt(`input.lines.${index}.productId`)}
            </label>
            <label>
              Name
              <input value={line.name} onChange={(e) => setLine(index, { name: e.target.value })} />
              {errorAt(`input.lines.${index}.name`)}
            </label>
            <label className="narrow">
              Quantity
              <input inputMode="decimal" value={line.quantity} onChange={(e) => setLine(index, { quantity: e.target.value })} />
              {errorAt(`input.lines.${index}.quantity`)}
            </label>
            <label className="narrow">
              Unit price
              <input inputMode="decimal" value={line.unitPrice} onChange={(e) => setLine(index, { unitPrice: e.target.value })} />
              {errorAt(`input.lines.${index}.unitPrice`)}
            </label>
            {item && item.modifiers.length > 0 && (
              <label>
                Modifier
                <select value={line.modifierId} onChange={(e) => setLine(index, { modifierId: e.target.value })}>
                  <option value="">None</option>
                  {item.modifiers.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name} (+{m.price})
                    </option>
                  ))}
                </select>
              </label>
            )}
            {lines.length > 1 && (
              <button type="button" className="link" onClick={() => setLines((all) => all.filter((_, i) => i !== index))}>
                Remove line
              </button>
            )}
          </fieldset>
        );
      })}
    </>
  );
  const others = userErrors.filter((e) => !shown.has(e.field.join('.')));

  return (
    <form className="create" onSubmit={submit} aria-label="New order" noValidate>
      <h2>New order</h2>
      {others.map((e, i) => (
        <p key={i} className="error" role="alert">
          {e.field.join('.')}: {e.message}
        </p>
      ))}
      {create.error && (
        <p className="error" role="alert">
          {create.error.message}
        </p>
      )}
      {fields}
      <div className="row">
        <button type="button" className="link" onClick={() => setLines((all) => [...all, newLine()])}>
          + Add line
        </button>
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Placing…' : 'Place order'}
        </button>
      </div>
    </form>
  );
}
