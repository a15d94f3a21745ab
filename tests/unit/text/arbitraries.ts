import fc from 'fast-check';

// Characters that exercise the text functions: quotes of every kind, dashes, exotic
// spaces, combining marks, invisible characters, digits and separators, several scripts.
const TRICKY = [
  'a', 'B', 'é', 'e\u0301', '\u0301', 'ß', 'ø', 'Ł', 'İ', 'ς', 'Ё', 'ж', '中', '国', 'ب', 'ُ', 'ש', 'ָ', 'हि', 'が', '한',
  ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\u00A0', '\u2009', '\u202F', '\u3000', '\u00AD', '\u200B', '\uFEFF', '\u200D',
  '"', "'", '“', '”', '‘', '’', '„', '«', '»', '‹', '›', '`', '´', '–', '—', '-', '−', '…', '.', ',', '!', '?', ';', ':',
  '0', '1', '5', '9', '%', '$', '€', '(', ')', 'ﬁ', 'Ａ', '１', '\uD83D\uDE00', '\uD800', 'Mr.', 'U.S.', 'Dr.', 'e.g.',
];

// Any code point, lone surrogates included (fast-check's 'binary' unit builds a large table on first use).
const anyCodePoint = fc.nat({ max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));
const anyString = (maxLength: number) => fc.string({ unit: anyCodePoint, maxLength });

export const trickyText = (maxLength = 60): fc.Arbitrary<string> =>
  fc.oneof(
    fc.array(fc.constantFrom(...TRICKY), { maxLength }).map((parts) => parts.join('')),
    anyString(maxLength),
    fc.array(fc.oneof(fc.constantFrom(...TRICKY), anyString(3)), { maxLength }).map((p) => p.join('')),
  );
