// Chooses the backend: Supabase when VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY are set at
// build time, otherwise the embedded database. Each adapter is its own chunk.
import type { Backend } from './backend';

export async function createBackend(): Promise<Backend> {
  const url = import.meta.env.VITE_SUPABASE_URL;
  const key = import.meta.env.VITE_SUPABASE_ANON_KEY;
  if (url && key) {
    const { createSupabaseBackend } = await import('./supabase/supabase-backend');
    return createSupabaseBackend(url, key);
  }
  const { createEmbeddedBackend } = await import('./embedded/embedded-backend');
  return createEmbeddedBackend(
    new URL(`${import.meta.env.BASE_URL}db/tuzhang.tar.gz`, location.href).toString(),
  );
}
