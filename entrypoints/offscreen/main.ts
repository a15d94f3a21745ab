import { startDomWorker } from '../../extension/offscreen/dom-worker.ts';

startDomWorker();
