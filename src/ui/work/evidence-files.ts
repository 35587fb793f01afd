// Files chosen in the browser → evidence for an action: large photos are scaled down to JPEG
// (a phone photo of 4–8 MB becomes a few hundred KB, enough to verify on screen), each file
// carries when it was taken (its time stamp) and, when the device gives it, where. src/data
// stores them (in the database or in Supabase Storage).
import type { EvidenceDraft } from '../../domain/ledger/types';
import { validateEvidence, type EvidenceRefusal } from '../../domain/ledger/evidence-validation';

const MAX_EDGE = 1600;
const SCALABLE = /^image\/(jpeg|png|webp)$/;

export class EvidenceError extends Error {
  constructor(
    readonly reason: EvidenceRefusal,
    readonly fileName: string,
  ) {
    super(`${reason}: ${fileName}`);
  }
}

async function scaledDown(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
  if (scale === 1 && file.size < 1_500_000) {
    bitmap.close();
    return file;
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('image encoding failed'))), 'image/jpeg', 0.82),
  );
}

/** Throws EvidenceError for a file the database would refuse, before anything is sent. */
export async function toEvidence(
  file: File,
  position: GeolocationCoordinates | null,
): Promise<EvidenceDraft> {
  const checked = validateEvidence({ mime_type: file.type, size_bytes: file.size });
  if (!checked.ok) throw new EvidenceError(checked.reason, file.name);
  let blob: Blob = file;
  let name = file.name;
  if (SCALABLE.test(file.type)) {
    try {
      blob = await scaledDown(file);
      if (blob !== file) name = name.replace(/\.[^.]*$/, '') + '.jpg';
    } catch {
      blob = file; // an image the browser cannot decode is kept as it is
    }
  }
  return {
    file_name: name,
    mime_type: blob.type || file.type,
    blob,
    taken_at: new Date(file.lastModified || Date.now()).toISOString(),
    ...(position ? { lon: position.longitude, lat: position.latitude } : {}),
  };
}

/** The device's position if it gives one within a few seconds; null otherwise. */
export function currentPosition(): Promise<GeolocationCoordinates | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      (p) => resolve(p.coords),
      () => resolve(null),
      { timeout: 5000, maximumAge: 60_000 },
    ),
  );
}
