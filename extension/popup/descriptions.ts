/**
 * The engine's descriptions (lib/wording: what changed, why a relation holds, why a version has no place) in the
 * reader's language: each code is a message of the same name in the messages file, its values passed as
 * substitutions; counts, shares and dates formatted for the reader's locale. The result is plain text, for
 * textContent only: excerpts and ids inside it come from pages and stored articles.
 */
import { isDescriptionCode, type Description, type DescriptionCode } from '../../lib/wording/catalogue.ts';
import { render, type Wording } from '../../lib/wording/render.ts';
import { formatDate } from '../shared/report-view.ts';
import { languageInWords, listInWords, percentInWords, t, tn, uiLanguage, type MessageKey, type PluralKey } from './messages.ts';

/** Every code the engine can give is a message (plain, or with plural forms): a missing one fails typechecking. */
type Unworded = Exclude<DescriptionCode, MessageKey | PluralKey>;
const EVERY_CODE_WORDED: [Unworded] extends [never] ? true : Unworded = true;
void EVERY_CODE_WORDED;

function time(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
}

const MESSAGES_FILE: Wording = {
  sentence: (code, values, count) => (count === undefined ? t(code as MessageKey, values) : tn(code as PluralKey, count, values)),
  count: (n) => n.toLocaleString(uiLanguage()),
  language: languageInWords,
  percent: (share) => percentInWords(share),
  day: (iso) => formatDate(iso, uiLanguage()) ?? iso,
  time,
  list: (items) => listInWords(items),
};

/** The description in the reader's words; empty for one this version does not know (a newer team server's). */
export function inReadersWords(description: Description | undefined): string {
  if (!description || !isDescriptionCode(description.code)) return '';
  return render(description, MESSAGES_FILE);
}
