import './style.css';
import { startPopup } from '../../extension/popup/first-look-start.ts';
import { takePopupStart } from '../../extension/popup/popup-start-handover.ts';
import { PopupApp } from '../../extension/popup/app.ts';

const content = document.querySelector<HTMLElement>('#content')!;
const status = document.querySelector<HTMLElement>('#status')!;
// The first look was asked for and drawn by popup-start.js (entrypoints/popup-start.ts), which runs before this module.
const started = takePopupStart() ?? startPopup(content, status);
const app = new PopupApp(content, status, document.querySelector<HTMLButtonElement>('#recheck')!, document.querySelector<HTMLButtonElement>('#open-options'));
void started.then((start) => app.start(start));
