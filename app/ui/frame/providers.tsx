'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../data/api-client';
import { type Preferences, PreferencesProvider } from '../i18n/preferences';

/**
 * One query client per browser session. Results stay fresh for a minute (the warehouse changes only when the ETL
 * publishes) and are kept for ten, so going back to a view or a filter is instant.
 */
export function Providers({ preferences, children }: { preferences: Preferences; children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 60_000,
            gcTime: 600_000,
            // A 400 says the request is wrong: asking again cannot help.
            retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 1,
            refetchOnWindowFocus: false,
          },
        },
      }),
  );
  return (
    <PreferencesProvider value={preferences}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </PreferencesProvider>
  );
}
