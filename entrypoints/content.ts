import { defineContentScript } from 'wxt/utils/define-content-script';
import { readOnArrival, startReader } from '../extension/content/reader.ts';

// Not in the manifest: the background injects it into a tab only when the reader asks (activeTab grant).
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    ctx.onInvalidated(startReader());
    // What main returns is the injection's result (scripting.executeScript): the article, without another round trip.
    return readOnArrival();
  },
});
