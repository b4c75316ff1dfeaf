import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiClient } from './api/client';
import { AuthProvider } from './auth/AuthContext';
import { TokenStore } from './auth/tokenStore';
import { App } from './App';
import './styles.css';

const tokens = new TokenStore();
// When the session cannot be refreshed the store is cleared, and RequireAuth sends the user to /login.
const api = new ApiClient({ tokens });
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: true } },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AuthProvider api={api} tokens={tokens}>
          <App tokens={tokens} />
        </AuthProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
