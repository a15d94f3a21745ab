/** Typographic variants that carry no meaning: curly and straight quotes, dash kinds, the ellipsis character. */

const TYPOGRAPHIC_FOLDS: Record<string, string> = {
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"', '\u2033': '"',
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u2039': "'", '\u203A': "'",
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2026': '...',
};

/** One character in its plain form: straight quotes, hyphen-minus, three dots. */
export function foldTypographyChar(char: string): string {
  return TYPOGRAPHIC_FOLDS[char] ?? char;
}

export function foldTypography(text: string): string {
  let folded = '';
  for (const char of text) folded += foldTypographyChar(char);
  return folded;
}
