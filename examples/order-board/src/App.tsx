import { useState } from 'react';
import { OrderBoard } from './OrderBoard';
import { OrderDetail } from './OrderDetail';
import { CreateOrderForm } from './CreateOrderForm';

export function App() {
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="app">
      <header className="top">
        <h1>Order board</h1>
        <span className="sub">clopos-graphql · generated TanStack Query hooks</span>
        {notice && (
          <output className="notice" role="status">
            {notice}
          </output>
        )}
      </header>
      <main className="columns">
        <OrderBoard selected={selected} onSelect={setSelected} />
        <aside className="side">
          {selected ? (
            <OrderDetail id={selected} onClose={() => setSelected(null)} onCancelled={(id) => setNotice(`Order #${id} cancelled`)} />
          ) : (
            <p className="hint">Select an order to see its lines and modifiers.</p>
          )}
          <CreateOrderForm
            onCreated={(id) => {
              setNotice(`Order #${id} created`);
              setSelected(id);
            }}
          />
        </aside>
      </main>
    </div>
  );
}
