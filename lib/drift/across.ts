/**
 * Drift between a sentence and its translation: names that changed (or were garbled in transliteration) and
 * negation that one side has and the other lacks. Numbers and dates are compared by value in lib/drift/detect.ts;
 * wording cannot be compared across languages word by word, so only these facts are.
 */
import { nameCandidates } from '../text/names';
import { isKatakanaWord } from '../text/romanize';
import { words } from '../text/segment';
import { nameKey } from '../text/names';
import { primarySubtag } from '../text/language';

export interface NameMention {
  /** [start, end) in the sentence. */
  start: number;
  end: number;
  text: string;
  /** Consonant skeleton of each word, as names are compared across scripts. */
  skeletons: string[];
}

export interface NameChange {
  source: NameMention;
  page: NameMention;
}

/** Names in a sentence: capitalised runs (cased scripts) and katakana words (Japanese). */
function nameMentions(sentence: string, lang: string | undefined): NameMention[] {
  // Word by word: "Thomas Bremer" for "Tomasz Brenner" keeps the first name and garbles the second.
  const mentions: NameMention[] = nameCandidates(sentence, lang).flatMap((n) =>
    [...n.text.matchAll(/[^\s・-]+/gu)].map((w) => ({ start: n.start + w.index, end: n.start + w.index + w[0].length, text: w[0], skeletons: [skeleton(w[0], lang)].filter(Boolean) })),
  );
  if (primarySubtag(lang) === 'ja') {
    for (const token of words(sentence, lang)) {
      if (isKatakanaWord(token.text) && [...token.text].length >= 3) mentions.push({ start: token.start, end: token.end, text: token.text, skeletons: [skeleton(token.text, lang)] });
    }
  }
  return mentions.filter((m) => m.skeletons.length > 0);
}

/** Consonants of a word's name key, r/l and b/v merged (as Japanese and Spanish write them alike). */
function skeleton(word: string, lang: string | undefined): string {
  const key = nameKey(word, lang);
  if (!/^[a-z]/.test(key)) return '';
  return (key[0] + key.slice(1).replace(/[aeiouy]/g, '')).replace(/l/g, 'r').replace(/b/g, 'v');
}

function sameWord(a: string, b: string): boolean {
  return a === b || (a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a)));
}

function matches(a: NameMention, b: NameMention): boolean {
  return a.skeletons.some((x) => b.skeletons.some((y) => sameWord(x, y)));
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

// A garbled name keeps most of its consonants: at most this many of them change, in a skeleton at least this long.
const MAX_GARBLED = 2;
const MIN_GARBLED_SKELETON = 4;

/**
 * Names of the source sentence that its translation spells differently beyond transliteration, paired with the page's
 * spelling: "Tomasz Brenner" → "Thomas Bremer". Names only one side mentions (a pronoun on the other) are no change,
 * nor are capitalised words of the page with no near name in the source (German nouns).
 */
export function garbledNames(sourceSentence: string, sourceLang: string | undefined, pageSentence: string, pageLang: string | undefined): NameChange[] {
  const source = nameMentions(sourceSentence, sourceLang);
  const page = nameMentions(pageSentence, pageLang);
  const lost = source.filter((s) => !page.some((p) => matches(s, p)));
  const gained = page.filter((p) => !source.some((s) => matches(s, p)));
  const changes: NameChange[] = [];
  for (const s of lost) {
    const spelt = s.skeletons.join('');
    if (spelt.length < MIN_GARBLED_SKELETON) continue;
    const partner = gained
      .filter((p) => !changes.some((c) => c.page === p))
      .map((p) => ({ p, d: distance(spelt, p.skeletons.join('')) }))
      .filter(({ d }) => d <= MAX_GARBLED)
      .sort((a, b) => a.d - b.d)[0];
    if (partner) changes.push({ source: s, page: partner.p });
  }
  return changes;
}

/**
 * Languages whose names can be told from their writing: letter case, or katakana for Japanese. Not German, which
 * capitalises every noun, nor scripts without case.
 */
function namesReadable(lang: string | undefined): boolean {
  return !['de', 'zh', 'ar', 'fa', 'he', 'th', 'ko'].includes(primarySubtag(lang));
}

/**
 * Whether an unmatched sentence carries a fact the other text lacks anywhere: a figure, or a name (when the other
 * text's names can be read). Across languages a sentence left unpaired is as often one the alignment merged with its
 * neighbour: it is dropped or added only when what it says is missing from the other text.
 */
export function carriesMissingFact(sentence: string, lang: string | undefined, other: string, otherLang: string | undefined, numbersOf: (text: string, lang?: string) => { value: number; alt?: number }[]): boolean {
  const otherNumbers = new Set(numbersOf(other, otherLang).flatMap((n) => (n.alt === undefined ? [n.value] : [n.value, n.alt])));
  if (numbersOf(sentence, lang).some((n) => !otherNumbers.has(n.value) && (n.alt === undefined || !otherNumbers.has(n.alt)))) return true;
  if (!namesReadable(lang) || !namesReadable(otherLang)) return false;
  const otherNames = nameMentions(other, otherLang).flatMap((m) => m.skeletons);
  // The sentence's first word is capitalised whatever it is ("Місто Кестрел-Бей…": "The city of Kestrel Bay…").
  return nameMentions(sentence, lang).some((m) => m.start > 0 && m.skeletons.every((x) => x.length >= 3 && !otherNames.some((y) => sameWord(x, y))));
}

/** Words that negate, per language; a sentence carries negation when it holds one of them. */
const NEGATION_WORDS: Record<string, RegExp> = {
  en: /\b(?:not|no|never|none|nobody|nothing|cannot|neither|nor)\b|n't\b/iu,
  de: /(?:^|[^\p{L}])(?:nicht|kein\p{L}*|nie|niemals|nichts|niemand)(?![\p{L}])/iu,
  fr: /(?:^|[^\p{L}])(?:ne|n'|pas|jamais|aucun\p{L}*|rien|personne)(?![\p{L}])/iu,
  es: /(?:^|[^\p{L}])(?:no|nunca|jamás|ningún|ninguna|nada|nadie)(?![\p{L}])/iu,
  it: /(?:^|[^\p{L}])(?:non|mai|nessun\p{L}*|niente|nulla)(?![\p{L}])/iu,
  pt: /(?:^|[^\p{L}])(?:não|nunca|nenhum\p{L}*|nada|ninguém)(?![\p{L}])/iu,
  pl: /(?:^|[^\p{L}])(?:nie|nigdy|żaden|żadn\p{L}*|nic)(?![\p{L}])/iu,
  ru: /(?:^|[^\p{L}])(?:не|нет|ни|никогда|ничего|никто)(?![\p{L}])/iu,
  uk: /(?:^|[^\p{L}])(?:не|ні|немає|ніколи|нічого|ніхто)(?![\p{L}])/iu,
  ar: /(?:^|[^\p{L}])(?:لا|لم|لن|ليس|ليست|ألا|دون)(?![\p{L}])/u,
  ja: /(?:ない|なかっ|ません|ず(?:に|、|。)|ならない|できない)/u,
  zh: /[不没未别無无]/u,
};

/** Whether a sentence negates, or null when its language has no list here. */
export function negates(sentence: string, lang: string | undefined): boolean | null {
  const pattern = NEGATION_WORDS[primarySubtag(lang)];
  return pattern ? pattern.test(sentence) : null;
}
