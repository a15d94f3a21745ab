import './style.css';
import { startOptionsPage } from '../../extension/options/options-page.ts';

void startOptionsPage(document);
