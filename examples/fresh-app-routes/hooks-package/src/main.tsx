import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { configureGraphQLClient } from './gql/hooks'
import './index.css'
import App from './App.tsx'

configureGraphQLClient({ url: '/graphql', apiKey: import.meta.env.VITE_API_KEY })

const queryClient = new QueryClient()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
)
