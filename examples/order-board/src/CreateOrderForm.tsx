// The call-center console: find the caller by phone, choose venue and sale type by name, browse
// the venue's menu (availability and modifier groups from the graph), see line and order totals,
// and place the order. Lines send only product, quantity and modifiers: the gateway prices them.
// A POS without a catalog (Clover: the menu query answers reason NO_CATALOG) gets free-form lines
// instead, a name and a unit price the operator types: Clover's custom-order flow.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CreateOrderInput, MenuQuery } from '../../../generated/client/graphql';
import { GraphQLRequestError, useCreateOrderMutation, useFindCallerQuery, useMenuQuery, useSaleTypesQuery, useVenuesQuery } from '../../../generated/client/hooks';
import { formatMinor, toMinor } from './money';

type MenuProduct = MenuQuery['menu']['nodes'][number];

interface LineDraft {
  /** A menu product, or a free-form line's name and unit price when the POS has no catalog. */
  product: MenuProduct | { custom: true; name: string; unitPrice: string };
  quantity: string;
  /** Modifier id → how many. */
  modifiers: Record<string, number>;
}

/** A number input's value; blank is 0 so the gateway's own validation answers, next to the field. */
const num = (value: string) => (value.trim() === '' ? 0 : Number(value));

const noCatalog = (error: unknown) => error instanceof GraphQLRequestError && error.errors[0]?.extensions?.['reason'] === 'NO_CATALOG';

/** (price + Σ modifier price × count) × quantity, in minor units, as the gateway totals a line. */
function lineMinor(line: LineDraft): number {
  if ('custom' in line.product) return Math.round(toMinor(line.product.unitPrice.trim() || '0') * num(line.quantity));
  const extras = line.product.modifierGroups
    .flatMap((g) => g.modifiers)
    .reduce((sum, m) => sum + toMinor(m.price.amount) * (line.modifiers[m.id] ?? 0), 0);
  return Math.round((toMinor(line.product.price.amount) + extras) * num(line.quantity));
}

function CallerLookup({ onPick }: { onPick: (c: { id: string; name: string; phone: string; address: string }) => void }) {
  const [phone, setPhone] = useState('');
  const [asked, setAsked] = useState('');
  const found = useFindCallerQuery({ phone: asked }, { enabled: asked !== '' });
  return (
    <div className="lookup">
      <div className="row">
        <label>
          Caller phone
          <input value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="+994 50 221 88 34" />
        </label>
        <button type="button" onClick={() => setAsked(phone.trim())} disabled={phone.trim() === ''}>
          Find caller
        </button>
      </div>
      {found.error && <p className="error">{found.error.message}</p>}
      {found.data && found.data.customers.nodes.length === 0 && <p className="meta">No customer with that phone: a new caller.</p>}
      <ul className="callers">
        {found.data?.customers.nodes.map((c) => (
          <li key={c.id}>
            <button type="button" className="link" onClick={() => onPick({ id: c.id ?? '', name: c.name ?? '', phone: c.phone ?? '', address: c.address ?? '' })}>
              Use {c.name} · {c.phone} · {c.address}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CreateOrderForm({ onCreated }: { onCreated: (id: string) => void }) {
  const queryClient = useQueryClient();
  const venues = useVenuesQuery();
  const [chosenVenue, setVenueId] = useState('');
  // Until the operator chooses, the first active venue the graph lists.
  const venueId = chosenVenue || (venues.data?.venues.find((v) => v.active)?.id ?? '');
  const [saleTypeId, setSaleTypeId] = useState('2');
  const [custom, setCustom] = useState({ name: '', unitPrice: '' });
  const [customer, setCustomer] = useState({ id: '', name: '', phone: '', address: '' });
  const [search, setSearch] = useState('');
  const [lines, setLines] = useState<LineDraft[]>([]);
  const saleTypes = useSaleTypesQuery({ venueId }, { enabled: venueId !== '' });
  const menu = useMenuQuery({ venueId, first: 100, filter: search.trim() ? { search: search.trim() } : null }, { enabled: venueId !== '' });
  const freeForm = noCatalog(menu.error);
  const create = useCreateOrderMutation({
    onSuccess: async (result) => {
      const order = result.createOrder.order;
      if (!order) return;
      onCreated(order.id);
      setLines([]);
      await queryClient.invalidateQueries({ queryKey: ['OrderBoard'] });
    },
  });

  const userErrors = create.data?.createOrder.userErrors ?? [];
  const shown = new Set<string>();
  const errorsAt = (path: string) => {
    const found = userErrors.filter((e) => e.field.join('.') === path);
    if (found.length === 0) return null;
    for (const e of found) shown.add(e.field.join('.'));
    return found.map((e, i) => (
      <span key={i} className="field-error" role="alert" data-field={e.field.join('.')} data-code={e.code}>
        {e.message}
      </span>
    ));
  };

  const setLine = (index: number, patch: Partial<LineDraft>) => setLines((all) => all.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const currencyOf = (line: LineDraft) => ('custom' in line.product ? '' : line.product.price.currencyCode);
  const currency = (lines[0] && currencyOf(lines[0])) || (menu.data?.menu.nodes[0]?.price.currencyCode ?? '');
  const totalMinor = lines.reduce((sum, line) => sum + lineMinor(line), 0);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const input: CreateOrderInput = {
      venueId,
      saleTypeId,
      customer: {
        ...(customer.id ? { id: customer.id } : {}),
        name: customer.name || undefined,
        phone: customer.phone || undefined,
        address: customer.address || undefined,
      },
      lines: lines.map((line) =>
        'custom' in line.product
          ? // No catalog to price from: the name and price as typed (Clover's custom line items).
            { productId: 'custom', name: line.product.name, unitPrice: num(line.product.unitPrice), quantity: num(line.quantity) }
          : {
              productId: line.product.id,
              quantity: num(line.quantity),
              modifiers: Object.entries(line.modifiers)
                .filter(([, n]) => n > 0)
                .map(([modifierId, quantity]) => ({ modifierId, quantity })),
            },
      ),
      idempotencyKey: crypto.randomUUID(),
    };
    create.mutate({ input });
  };

  const others = () => userErrors.filter((e) => !shown.has(e.field.join('.')));
  const body = (
    <>
      <CallerLookup onPick={(c) => setCustomer(c)} />
      <div className="row">
        {(['name', 'phone', 'address'] as const).map((key) => (
          <label key={key}>
            Customer {key}
            <input value={customer[key]} onChange={(e) => setCustomer({ ...customer, [key]: e.target.value })} />
            {errorsAt(`input.customer.${key}`)}
          </label>
        ))}
      </div>
      <div className="row">
        <label>
          Venue
          <select value={venueId} onChange={(e) => (setVenueId(e.target.value), setLines([]))}>
            {(venues.data?.venues ?? []).map((v) => (
              <option key={v.id} value={v.id} disabled={!v.active}>
                {v.name}
              </option>
            ))}
          </select>
          {venues.error && <span className="error">{venues.error.message}</span>}
          {errorsAt('input.venueId')}
        </label>
        <label>
          Sale type
          {noCatalog(saleTypes.error) ? (
            // The POS lists no sale types to the gateway: its own id (Clover: an order type id).
            <input value={saleTypeId} onChange={(e) => setSaleTypeId(e.target.value)} />
          ) : (
            <select value={saleTypeId} onChange={(e) => setSaleTypeId(e.target.value)}>
              {(saleTypes.data?.saleTypes ?? []).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
          {errorsAt('input.saleTypeId')}
        </label>
      </div>
      {freeForm ? (
        <div className="menu" data-testid="free-form">
          <p className="meta">This POS has no menu for the gateway: add lines by name and unit price.</p>
          <div className="row">
            <label>
              Item name
              <input value={custom.name} onChange={(e) => setCustom({ ...custom, name: e.target.value })} />
            </label>
            <label className="narrow">
              Unit price
              <input inputMode="decimal" value={custom.unitPrice} onChange={(e) => setCustom({ ...custom, unitPrice: e.target.value })} />
            </label>
            <button
              type="button"
              disabled={custom.name.trim() === '' || custom.unitPrice.trim() === ''}
              onClick={() => (setLines((all) => [...all, { product: { custom: true, ...custom }, quantity: '1', modifiers: {} }]), setCustom({ name: '', unitPrice: '' }))}
            >
              Add line
            </button>
          </div>
        </div>
      ) : (
      <div className="menu" data-testid="menu">
        <label>
          Search the menu
          <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder="pizza" />
        </label>
        {menu.error && <p className="error">{menu.error.message}</p>}
        <ul className="products">
          {menu.data?.menu.nodes.map((p) => (
            <li key={p.id} data-testid="menu-item" data-available={String(p.available)}>
              <span>
                {p.name} <span className="meta">{p.category?.name}</span>
              </span>
              <span>
                {p.price.amount} {p.price.currencyCode}{' '}
                {p.available ? (
                  <button type="button" className="link" aria-label={`Add ${p.name}`} onClick={() => setLines((all) => [...all, { product: p, quantity: '1', modifiers: {} }])}>
                    Add
                  </button>
                ) : (
                  <span className="badge cancelled">Out of stock</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      </div>
      )}
      {lines.map((line, index) => (
        <fieldset key={index} className="line-input" data-testid={`line-${index}`}>
          <legend>{line.product.name}</legend>
          <label className="narrow">
            Quantity
            <input inputMode="decimal" value={line.quantity} onChange={(e) => setLine(index, { quantity: e.target.value })} />
            {errorsAt(`input.lines.${index}.quantity`)}
          </label>
          {'custom' in line.product && (
            <span className="meta">
              {line.product.unitPrice} each
            </span>
          )}
          {errorsAt(`input.lines.${index}.unitPrice`)}
          {errorsAt(`input.lines.${index}.name`)}
          {('custom' in line.product ? [] : line.product.modifierGroups).map((group) => (
            <div key={group.id} className="group">
              <span className="meta">
                {group.name} ({group.min > 0 ? `pick ${group.min}${group.max !== group.min ? `–${group.max ?? 'any'}` : ''}` : `up to ${group.max ?? 'any'}`})
              </span>
              {group.modifiers.map((m) => (
                <label key={m.id} className="check">
                  <input
                    type="checkbox"
                    checked={(line.modifiers[m.id] ?? 0) > 0}
                    onChange={(e) => setLine(index, { modifiers: { ...line.modifiers, [m.id]: e.target.checked ? 1 : 0 } })}
                  />
                  {m.name} (+{m.price.amount})
                </label>
              ))}
            </div>
          ))}
          <span className="line-total" data-testid={`line-total-${index}`}>
            {formatMinor(lineMinor(line), currencyOf(line))}
          </span>
          {errorsAt(`input.lines.${index}`)}
          <button type="button" className="link" onClick={() => setLines((all) => all.filter((_, i) => i !== index))}>
            Remove line
          </button>
        </fieldset>
      ))}
    </>
  );

  return (
    <form className="create" onSubmit={submit} aria-label="New order" noValidate>
      <h2>New order</h2>
      {body}
      {others().map((e, i) => (
        <p key={i} className="error" role="alert">
          {e.field.join('.')}: {e.message}
        </p>
      ))}
      {create.error && (
        <p className="error" role="alert">
          {create.error.message}
        </p>
      )}
      <p className="total" data-testid="order-total">
        {lines.length > 0 ? `Lines total ${formatMinor(totalMinor, currency)}`.trim() : freeForm ? 'Add lines by name and price' : 'Add products from the menu'}
      </p>
      <div className="row">
        <button type="submit" disabled={create.isPending || lines.length === 0}>
          {create.isPending ? 'Placing…' : 'Place order'}
        </button>
      </div>
    </form>
  );
}
