/**
 * The Unicode word-break rules (UAX #29, as tailored by ICU) written as one regex,
 * for text in scripts that put spaces between words. Iterating Intl.Segmenter costs
 * microseconds per segment in V8; this regex finds the same word-like segments at
 * regex speed. Texts holding any character the regex does not model go to
 * Intl.Segmenter (see NEEDS_SEGMENTER); tests/unit/text compare both paths.
 */

// Word_Break classes approximated with the properties JavaScript regexes know.
// Letters: Alphabetic minus marks, plus the modifier letters and Armenian marks ICU counts as letters.
const LETTER = String.raw`(?:[^\P{Alphabetic}\p{M}]|[\u00B8\u02C2-\u02C5\u02D2-\u02D7\u02DE\u02DF\u02E5-\u02E9\u02ED\u02EF-\u02FF\u055A-\u055C\u055E\u058A\u05F3\uA708-\uA716\uA720\uA721\uA789\uA78A\uAB5B])`;
const HEBREW_LETTER = String.raw`[\u05D0-\u05EA\u05EF-\u05F2\uFB1D\uFB1F-\uFB28\uFB2A-\uFB36\uFB38-\uFB3C\uFB3E\uFB40\uFB41\uFB43\uFB44\uFB46-\uFB4F]`;
const NUMERIC = String.raw`[\p{Nd}\u066B]`;
// Connector punctuation ("_") and the narrow no-break space join letters and digits.
const CONNECTOR = String.raw`[_\u202F\u203F\u2040\u2054\uFE33\uFE34\uFE4D-\uFE4F\uFF3F]`;
// Marks and format characters belong to the character before them (rule WB4).
const ATTACHED_CHAR = String.raw`[\p{M}\u00AD\u061C\u180E\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\u{13430}-\u{1343F}\u{1BCA0}-\u{1BCA3}\u{1D173}-\u{1D17A}\u{E0001}\u{E0020}-\u{E007F}\u{1F3FB}-\u{1F3FF}]`;
const ATTACHED = `${ATTACHED_CHAR}*`;
// Between two letters (MidLetter, MidNumLet, Single_Quote).
const MID_LETTER = String.raw`[:\u00B7\u0387\u055F\u05F4\u2027\uFE13\uFE55\uFF1A.\u2018\u2019\u2024\uFE52\uFF07\uFF0E']`;
// Between two digits (MidNum, MidNumLet, Single_Quote).
const MID_NUMBER = String.raw`[,;\u037E\u0589\u060C\u060D\u066C\u07F8\u2044\uFE50\uFE54\uFF0C\uFF1B.\u2018\u2019\u2024\uFE52\uFF07\uFF0E']`;

const ANY_LETTER = `(?:${LETTER}|${HEBREW_LETTER})`;
const UNIT = `(?:(?:${ANY_LETTER}|${NUMERIC}|${CONNECTOR})${ATTACHED})`;
// Each joining character is matched before the look-behind that checks what precedes
// it, so that backtracking over a long run of marks fails in constant time per mark.
const GLUE = [
  `${MID_LETTER}(?<=${ANY_LETTER}${ATTACHED}.)${ATTACHED}(?=${ANY_LETTER})`,
  `${MID_NUMBER}(?<=${NUMERIC}${ATTACHED}.)${ATTACHED}(?=${NUMERIC})`,
  `"(?<=${HEBREW_LETTER}${ATTACHED}.)${ATTACHED}(?=${HEBREW_LETTER})`,
].join('|');
// Hebrew keeps a geresh-like apostrophe after a letter (rule WB7a).
const HEBREW_TAIL = `(?:'(?<=${HEBREW_LETTER}${ATTACHED}.)${ATTACHED})?`;

/**
 * The regexes, built on first use: a `u` regex is parsed when it is constructed, and these three, full of Unicode
 * property classes, took the extension's service worker several milliseconds at every start (before it can answer a
 * toolbar click), whether or not that start segments any text.
 */
interface WordBreakPatterns {
  /** Candidate word-like segments; isWordLike() tells which of them ICU calls word-like. */
  wordLike: RegExp;
  notWordLike: RegExp;
  needsSegmenter: RegExp;
}

let built: WordBreakPatterns | null = null;

function patterns(): WordBreakPatterns {
  built ??= {
    wordLike: new RegExp(`${UNIT}+(?:(?:${GLUE})${UNIT}+)*${HEBREW_TAIL}`, 'gu'),
    notWordLike: notWordLikePattern(),
    needsSegmenter: needsSegmenterPattern(),
  };
  return built;
}

/** Candidate word-like segments (a global regex: callers reset lastIndex); isWordLike() tells which ICU calls word-like. */
export function wordLikePattern(): RegExp {
  return patterns().wordLike;
}

// ICU gives a segment the status of the last rule applied: a lone connector, and a
// connector or Hebrew apostrophe followed by marks at the end, leave it "not a word".
function notWordLikePattern(): RegExp {
  return new RegExp(`^${CONNECTOR}$|[${CONNECTOR.slice(1, -1)}']${ATTACHED_CHAR}+$`, 'u');
}

export function isWordLike(segment: string): boolean {
  return !patterns().notWordLike.test(segment);
}

/** Whether the text holds a character the regex leaves to Intl.Segmenter. */
export function needsSegmenter(text: string): boolean {
  return patterns().needsSegmenter.test(text);
}

// Scripts that ICU segments with dictionaries (no spaces between words), and the few
// characters whose word-break behaviour the regex does not reproduce.
function needsSegmenterPattern(): RegExp {
  return new RegExp(
    '[' +
      [
        'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo', 'Thai', 'Lao', 'Khmer', 'Myanmar', 'Tibetan',
        'Tai_Le', 'New_Tai_Lue', 'Tai_Tham', 'Tai_Viet', 'Ahom',
      ]
        .map((script) => String.raw`\p{Script=${script}}`)
        .join('') +
      // Punctuation and sound marks shared by Chinese and Japanese.
      String.raw`\p{Ideographic}\u3000-\u303F\u3099-\u309C\u30A0\u30FB\u30FC\uFF61-\uFF9F` +
      // A joiner before a pictograph, number signs that are format characters, regional indicators.
      String.raw`\u200D\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}\u{1F1E6}-\u{1F1FF}` +
      ']',
    'u',
  );
}
