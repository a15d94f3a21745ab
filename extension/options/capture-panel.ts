/** The capture setting: off by default; turning it on asks for access to the pages the reader visits. */
import { browser } from 'wxt/browser';
import { CAPTURE_ORIGINS, captureVisitsEnabled, setCaptureVisits } from '../shared/settings.ts';
import { byId, describeError } from '../shared/dom.ts';

export async function startCapturePanel(doc: Document): Promise<void> {
  const toggle = byId<HTMLInputElement>(doc, 'capture-visits');
  const status = byId(doc, 'capture-status');

  toggle.addEventListener('change', async () => {
    try {
      if (!toggle.checked) {
        await setCaptureVisits(false);
        status.textContent = 'Capture is off: only pages you add yourself are stored.';
        return;
      }
      // Asked within the click: browsers only show the permission prompt for a user gesture.
      const granted = await browser.permissions.request({ origins: CAPTURE_ORIGINS });
      if (!granted) {
        toggle.checked = false;
        status.textContent = 'Capture stays off: Palimpsest needs your permission to read the pages you visit.';
        return;
      }
      await setCaptureVisits(true);
      status.textContent = 'Capture is on: each article you open is kept, and kept again when its text changes.';
    } catch (error) {
      toggle.checked = false;
      status.textContent = `Could not change the setting: ${describeError(error)}`;
    }
  });

  const [enabled, permitted] = await Promise.all([captureVisitsEnabled(), browser.permissions.contains({ origins: CAPTURE_ORIGINS })]);
  toggle.checked = enabled && permitted;
  if (enabled && !permitted) status.textContent = 'Capture is off because the permission to read visited pages was withdrawn.';
}
