/**
 * Article extraction from a DOM Document (browser, linkedom or jsdom).
 * Node callers holding an HTML string use extractFromHtml from './html', kept apart so that the extension's
 * content script does not bundle an HTML parser.
 */
export { extractArticle, type ExtractOptions } from './extract';
export { chooseLanguage, detectLanguageWithFranc, normalizeLanguageTag, type LanguageDetector } from './language';
export { instantOf, normalizeDate } from './dates';
