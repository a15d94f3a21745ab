/** The keying thread (cli/keying-thread.ts): answers each batch's texts with their hashes and index keys. */
import { parentPort } from 'node:worker_threads';
import { keyTexts } from '../lib/store/record-keys.ts';
import type { KeyingAnswer, KeyingRequest } from './keying-thread.ts';
import { useLexiconFiles } from './lexicons.ts';

const port = parentPort;
if (!port) throw new Error('cli/keying-worker.ts runs as a worker thread');
// The same lexicons as the import's thread (cli/stored-corpus.ts): records in other languages get the same keys.
useLexiconFiles();

port.on('message', (request: KeyingRequest) => {
  keyTexts(request.texts, request.featureOptions).then(
    (keyed) => {
      const answer: KeyingAnswer = { id: request.id, keyed };
      // The keys move to the import's thread without a copy.
      port.postMessage(answer, [...new Set(keyed.map((entry) => entry.keys.buffer as ArrayBuffer))]);
    },
    (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies KeyingAnswer),
  );
});
