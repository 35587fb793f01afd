// The app under its session: the backend's startup state decides when the user's membership can
// be asked, and every query below is scoped to that user.
import { SessionProvider } from '../data/auth/session';
import { useBackendStatus } from '../data/use-backend-status';
import { App } from './App';

export function Root({ onState }: { onState: (state: 'loading' | 'ready' | 'error') => void }) {
  const backendStatus = useBackendStatus();
  return (
    <SessionProvider ready={backendStatus.status.state === 'ready'}>
      <App backendStatus={backendStatus} onState={onState} />
    </SessionProvider>
  );
}
