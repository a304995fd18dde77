import { useQueryClient } from '@tanstack/react-query'
import { useLatestOrdersQuery, useOrderFeedSubscription } from './gql/hooks'

function App() {
  const orders = useLatestOrdersQuery()
  // Every change (and every gap in the feed) refetches the list.
  const queryClient = useQueryClient()
  const refetch = () => void queryClient.invalidateQueries({ queryKey: ['LatestOrders'] })
  const live = useOrderFeedSubscription({}, { onData: refetch, onGap: refetch })
  if (orders.error) return <p role="alert">{orders.error.code ?? ''} {orders.error.message}</p>
  if (!orders.data) return <p>Loading…</p>
  return (
    <main>
      <p data-testid="live" data-fresh={live.fresh}>{live.fresh ? '● Live' : live.connected ? '◐ Stale' : '○ Connecting…'}</p>
      <h1 data-testid="total">{orders.data.orders.totalCount} orders</h1>
      <ul>
        {orders.data.orders.nodes.map((order) => (
          <li key={order.id} data-testid="order" data-id={order.id}>
            #{order.id} {order.status} · {order.customer?.name ?? 'Guest'}
          </li>
        ))}
      </ul>
    </main>
  )
}

export default App
