/**
 * The reader's corrections: "not a version of this page". A correction names two articles, each by every identity
 * it has (record id, address, text hash), so that a later check of either one leaves the other out — whether the
 * article is met as a stored record, as a page visited again, or under another id after an export and import.
 * Pure: shared by the engine, the command line and the extension.
 */
import { contentHash } from '../store/content-hash';
import { urlKey } from '../store/url-key';
import type { ArticleRef, Correction, CorpusRecord, PageArticle } from '../types';

/** What a reference is compared with: a stored record, a page, or a record's summary (which has no text). */
export interface RefTarget {
  id?: string;
  url?: string;
  text?: string;
}

/** A stored record as a correction names it. */
export function refOfRecord(record: CorpusRecord): ArticleRef {
  return withoutEmpty({ id: record.id, url: record.url, hash: contentHash(record.text), title: record.title, site: record.site });
}

/** A page as a correction names it: it has no record id (its stored copy, if any, is found by address and text). */
export function refOfPage(page: PageArticle): ArticleRef {
  return withoutEmpty({ url: page.url, hash: contentHash(page.text), title: page.title, site: page.siteName });
}

/** The reader's "this stored record is not a version of this page". */
export function notAVersion(page: PageArticle, record: CorpusRecord, at: string): Correction {
  return { kind: 'not-a-version', a: refOfPage(page), b: refOfRecord(record), at };
}

function withoutEmpty(ref: ArticleRef): ArticleRef {
  const kept: ArticleRef = {};
  for (const name of ['id', 'url', 'hash', 'title', 'site'] as const) {
    const value = ref[name];
    if (typeof value === 'string' && value.trim() !== '') kept[name] = value;
  }
  return kept;
}

/** A target's identities, worked out once however many references it is compared with. */
class Identities {
  private hashed: string | undefined | null = null;
  readonly urlKey: string | undefined;

  constructor(private readonly target: RefTarget) {
    this.urlKey = urlKey(target.url);
  }

  get id(): string | undefined {
    return this.target.id;
  }

  /** The text's hash, computed only when a reference is known by its text alone. */
  get hash(): string | undefined {
    if (this.hashed === null) this.hashed = this.target.text === undefined ? undefined : contentHash(this.target.text);
    return this.hashed;
  }

  match(ref: ArticleRef): boolean {
    if (ref.id !== undefined && ref.id === this.id) return true;
    const key = urlKey(ref.url);
    if (key !== undefined && key === this.urlKey) return true;
    return ref.hash !== undefined && ref.hash === this.hash;
  }
}

/** True when the reference names this article: the same record id, the same address, or the same text. */
export function refersTo(ref: ArticleRef, article: RefTarget): boolean {
  return new Identities(article).match(ref);
}

/** What the corrections say about one page: the articles that are not versions of it. */
export interface PageCorrections {
  /** The other side of every correction about the page. */
  refs: ArticleRef[];
  /** Their record ids: these records can be left out before anything is read. */
  ids: string[];
  /** True for an article a correction says is not a version of the page (by id, address or text). */
  covers(article: RefTarget): boolean;
}

/** The articles the reader said are not versions of `page`. */
export function correctionsFor(page: RefTarget, corrections: readonly Correction[] = []): PageCorrections {
  const self = new Identities(page);
  const refs: ArticleRef[] = [];
  for (const correction of corrections) {
    if (self.match(correction.a)) refs.push(correction.b);
    if (self.match(correction.b)) refs.push(correction.a);
  }
  const ids = [...new Set(refs.flatMap((ref) => (ref.id === undefined ? [] : [ref.id])))];
  return {
    refs,
    ids,
    covers: (article) => {
      if (refs.length === 0) return false;
      const identities = new Identities(article);
      return refs.some((ref) => identities.match(ref));
    },
  };
}

/** True when the correction is about these two articles, in either order. */
export function pairs(correction: Correction, one: RefTarget, other: RefTarget): boolean {
  const [x, y] = [new Identities(one), new Identities(other)];
  return (x.match(correction.a) && y.match(correction.b)) || (x.match(correction.b) && y.match(correction.a));
}

/** One article's main identity: its id, else its address, else its text. */
function sideKey(ref: ArticleRef): string {
  if (ref.id !== undefined) return `id:${ref.id}`;
  const key = urlKey(ref.url);
  if (key !== undefined) return `url:${key}`;
  return `hash:${ref.hash ?? ''}`;
}

/** The same for a correction and its mirror image: marking a pair twice, or importing it twice, keeps one. */
export function correctionKey(correction: Correction): string {
  const sides = [sideKey(correction.a), sideKey(correction.b)].sort();
  return `${correction.kind} ${sides[0]} ${sides[1]}`;
}

/** True when both sides name the same article: no correction at all. */
export function namesOneArticle(correction: Correction): boolean {
  return sideKey(correction.a) === sideKey(correction.b);
}

/** True when the reference names the article some way: an id, an address or a text hash. */
export function identifies(ref: ArticleRef): boolean {
  return ref.id !== undefined || urlKey(ref.url) !== undefined || ref.hash !== undefined;
}
