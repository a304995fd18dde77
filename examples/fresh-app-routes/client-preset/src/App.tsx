import { useQuery } from '@tanstack/react-query'
import { graphql } from './gql'
import { execute } from './execute'

// The app's own operation: the client preset types it from the gateway's schema.
const latestOrders = graphql(`
  query LatestOrders {
    orders(first: 5) {
      totalCount
      nodes {
        id
        status
        customer {
          name
        }
      }
    }
  }
`)

function App() {
  // Refetched every 5 s: the list follows the POS.
  const { data, error } = useQuery({ queryKey: ['LatestOrders'], queryFn: () => execute(latestOrders), refetchInterval: 5_000 })
  if (error) return <p role="alert">{error.message}</p>
  if (!data) return <p>Loading…</p>
  return (
    <main>
      <h1 data-testid="total">{data.orders.totalCount} orders</h1>
      <ul>
        {data.orders.nodes.map((order) => (
          <li key={order.id} data-testid="order" data-id={order.id}>
            #{order.id} {order.status} · {order.customer?.name ?? 'Guest'}
          </li>
        ))}
      </ul>
    </main>
  )
}

export default App
