import { createRoot } from 'react-dom/client';
import { createBackend } from './data/create-backend';

const root = document.getElementById('root')!;
function Probe() {
  return <div>图账</div>;
}
createRoot(root).render(<Probe />);
const backend = await createBackend();
backend.onProgress((p) => console.log('progress', p.step));
await backend.ready();
const r = await backend.call('feature_detail', { feature_id: 'station-1324A' });
root.dataset.state = 'ready';
root.setAttribute('data-name', r?.properties.name ?? '');
