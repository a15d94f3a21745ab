import './style.css';
import { startOptions } from '../../extension/options/corpus-panel.ts';

void startOptions(document);
