// The keying thread's entry (cli/keying-thread.ts): compiles the TypeScript worker on load, as bin/palimpsest.js
// compiles the command line, since a worker thread does not inherit the main thread's loader.
import { register } from 'tsx/esm/api';

register();
await import('./keying-worker.ts');
