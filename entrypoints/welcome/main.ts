import '../options/style.css';
import './style.css';
import { startWelcomePage } from '../../extension/welcome/welcome-page.ts';

void startWelcomePage(document);
