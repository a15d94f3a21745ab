#!/usr/bin/env node
// Runs the TypeScript command line directly: tsx compiles cli/main.ts and the lib/ modules it imports on load.
import { register } from 'tsx/esm/api';

register();
const { runFromProcess } = await import('../cli/main.ts');
await runFromProcess();
