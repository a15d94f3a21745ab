import { defineContentScript } from 'wxt/utils/define-content-script';
import { startReader } from '../extension/content/reader.ts';

// Not in the manifest: the background injects it into a tab only when the reader asks (activeTab grant).
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    ctx.onInvalidated(startReader());
  },
});
