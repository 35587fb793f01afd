// Entry: the map renders at once; the database starts behind it (its chunk loads lazily).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBackend } from './data/create-backend';
import { BackendProvider } from './data/backend-context';
import { I18nProvider } from './i18n/i18n';
import { Root } from './ui/Root';
import './ui/styles.css';

const root = document.getElementById('root')!;
const setState = (state: 'loading' | 'ready' | 'error') => root.setAttribute('data-state', state);

const backend = await createBackend();
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <BackendProvider backend={backend}>
        <Root onState={setState} />
      </BackendProvider>
    </I18nProvider>
  </StrictMode>,
);
