/**
 * The index keys of a stored record, the same every time they are computed from its text: with the English gloss of a
 * record in a language that has a lexicon (lib/index/features.ts featuresOf), so that its lexicon must be loaded
 * before the keys are computed — when the record is stored, when its postings are removed, when the index is rebuilt.
 */
import { featuresOf, type FeatureOptions } from '../index/features';
import { contentHash } from './content-hash';
import { lexiconOf, loadLexicons } from '../text/lexicon';

/** Loads the lexicons recordKeys will read for records in these languages (once each per process). */
export function loadRecordLexicons(langs: Iterable<string | null | undefined>): Promise<void> {
  return loadLexicons([...langs].map((lang) => lang ?? undefined));
}

export function recordKeys(text: string, lang: string | null | undefined, options: Partial<FeatureOptions>): Uint32Array {
  // English has no lexicon (it is the pivot), nor has a record without a language: both get no gloss.
  return featuresOf(text, lang ?? undefined, options, lexiconOf(lang ?? undefined));
}

/** A record's content hash and index keys: what a store computes for each record it is given. */
export interface KeyedText {
  hash: string;
  keys: Uint32Array;
}

/**
 * The hash and keys of each text, its lexicon loaded first: both stores key their batches with it, and the command
 * line's import runs it in a worker thread (cli/keying-thread.ts).
 */
export async function keyTexts(texts: readonly { text: string; lang?: string }[], featureOptions: Partial<FeatureOptions>): Promise<KeyedText[]> {
  await loadRecordLexicons(texts.map((entry) => entry.lang));
  const keyed: KeyedText[] = [];
  let sliceStarted = performance.now();
  for (const entry of texts) {
    keyed.push({ hash: contentHash(entry.text), keys: recordKeys(entry.text, entry.lang, featureOptions) });
    if (performance.now() - sliceStarted >= KEYING_SLICE_MS) {
      await nextTask();
      sliceStarted = performance.now();
    }
  }
  return keyed;
}

/**
 * Keying an import's batch of 1,000 articles takes the extension's service worker half a second or more; in slices
 * this long, a reader's check that arrives meanwhile goes on between them instead of after the whole batch.
 */
const KEYING_SLICE_MS = 25;

/**
 * Lets the events waiting in the thread's queue (messages, database answers) run before the next slice. A message to
 * itself, not setTimeout(0), which browsers hold back at least 4 ms once timeouts nest.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
