import './style.css';
import { PopupApp } from '../../extension/popup/app.ts';

const app = new PopupApp(
  document.querySelector<HTMLElement>('#content')!,
  document.querySelector<HTMLElement>('#status')!,
  document.querySelector<HTMLButtonElement>('#recheck')!,
  document.querySelector<HTMLButtonElement>('#open-options'),
);
void app.start();
