import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureGraphQLClient } from '../../../generated/client/hooks';
import { App } from './App';
import './styles.css';

configureGraphQLClient({
  url: import.meta.env.VITE_GRAPHQL_URL ?? '/graphql',
  apiKey: import.meta.env.VITE_API_KEY || undefined,
  persisted: import.meta.env.VITE_PERSISTED_ONLY === 'true',
});

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 5_000, retry: 1, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
