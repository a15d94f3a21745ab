/**
 * Markup and script payloads planted in hostile pages and corpus records. Each one, if it were ever parsed as
 * markup or followed as a link, sets a flag on the page's global object (or opens a dialog), which the tests
 * look for; shown as text, it is harmless and must appear verbatim.
 */
export const IMG_PAYLOAD = '<img src=x onerror="globalThis.__palimpsestPwned=1">';
export const SCRIPT_PAYLOAD = '</script><script>globalThis.__palimpsestPwned=2</script>';
export const SVG_PAYLOAD = '<svg onload="alert(3)"></svg>';
export const JAVASCRIPT_URL = 'javascript:alert(4)';
export const IFRAME_PAYLOAD = '"><iframe src="javascript:alert(5)"></iframe>';

export const PAYLOADS = [IMG_PAYLOAD, SCRIPT_PAYLOAD, SVG_PAYLOAD, JAVASCRIPT_URL, IFRAME_PAYLOAD];

/** Elements that only markup parsing of a payload could create. */
export const PAYLOAD_ELEMENTS = 'img, script:not([src]), svg:not([aria-hidden="true"]), iframe, object, embed';

/** Escapes text for an HTML text node or attribute value, so a payload reaches the page as text. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
