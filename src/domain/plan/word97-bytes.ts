// Little-endian reads from the streams of a Word 97 file, every one checked: a damaged or truncated
// file throws a RangeError instead of reading past its end.

export type Bytes = Uint8Array;

export function view(bytes: Bytes): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** `length` bytes from `at`; throws when they are not all there. */
export function slice(bytes: Bytes, at: number, length: number): Bytes {
  if (at < 0 || length < 0 || at + length > bytes.length) {
    throw new RangeError(`bytes ${at}+${length} past the end (${bytes.length})`);
  }
  return bytes.subarray(at, at + length);
}
