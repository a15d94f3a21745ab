import './style.css';
import { startPopup } from '../../extension/popup/first-look-start.ts';

const content = document.querySelector<HTMLElement>('#content')!;
const status = document.querySelector<HTMLElement>('#status')!;
// The first look is asked for and drawn by a small module of its own while the rest of the popup loads.
const started = startPopup(content, status);
void import('../../extension/popup/app.ts').then(async ({ PopupApp }) => {
  const app = new PopupApp(content, status, document.querySelector<HTMLButtonElement>('#recheck')!, document.querySelector<HTMLButtonElement>('#open-options'));
  await app.start(await started);
});
