import { defineBackground } from 'wxt/utils/define-background';
import { installBenchHooks } from '../extension/background/bench-hooks.ts';
import { startBackground } from '../extension/background/index.ts';

export default defineBackground(() => {
  if (import.meta.env.MODE === 'bench') installBenchHooks();
  startBackground();
});
