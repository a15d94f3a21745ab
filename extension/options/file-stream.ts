/** A File (or a slice of one) as a sequence of byte chunks, read as the consumer asks for them. */

export async function* fileChunks(blob: Blob, onBytes: (count: number) => void = () => undefined): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      onBytes(value.byteLength);
      yield value;
    }
  } finally {
    // Reached when the import is cancelled mid-file: stop reading the file.
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Lets the page repaint and answer clicks between pieces of heavy work (article extraction). */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
