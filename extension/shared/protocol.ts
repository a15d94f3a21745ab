/**
 * The one message protocol between the extension's contexts.
 *
 * Two maps of request type -> {request, response}: what extension pages may ask the background
 * (`BackgroundProtocol`) and what the background may ask the content script in a tab (`ContentProtocol`).
 * Every context sends and answers through the typed helpers below, so a request and its answer can never drift
 * apart silently, and every incoming message is checked against the sender before it reaches a handler.
 */
import type { MarkOutcome, PageChange } from './page-changes.ts';
import { browser, type Browser } from 'wxt/browser';
import type { PassageReport } from '../../lib/engine.ts';
import type { LikelySource } from '../../lib/sources.ts';
import type { DeclaredFeed, ParsedFeed } from '../../lib/import/feed.ts';
import type { OpmlFeed } from '../../lib/import/opml.ts';
import type { Budget, CorpusUsage, EvictionResult, FeedRow } from '../../lib/store/index.ts';
import type { BatchAdvance, ImportProgress, ImportSource } from '../../lib/import/progress.ts';
import type { VersionChange } from '../../lib/import/versions.ts';
import type { RecordFilter, RecordSearch, RecordSummary } from '../../lib/store/catalog.ts';
import type { Comparison, CorpusRecord, Correction, PageArticle, Report } from '../../lib/types.ts';

// ---------------------------------------------------------------------------------------------------------------
// Shapes that travel between contexts

/** What checking a tab gave. Everything here is plain data: it is persisted in storage.session as-is. */
export type PageOutcome =
  | { kind: 'report'; report: Report }
  | { kind: 'no-article' }
  /** The browser does not let extensions read this page (browser pages, the extension store, the PDF viewer). */
  | { kind: 'restricted'; reason: string }
  /** The extension has no access to this tab yet: the reader has to click the toolbar button or the menu on it. */
  | { kind: 'no-access'; reason: string }
  | { kind: 'error'; message: string };

/** The popup's first answer while the full check runs (lib/sources.ts). */
export type FirstLook =
  /** Stored versions of the page found from the index alone, closest first. */
  | { kind: 'sources'; sources: LikelySource[] }
  /** Nothing to show before the full result: it is stored already, the page has no article, or nothing is close. */
  | { kind: 'none' };

export type PassageOutcome =
  /** `report.occurrences` are the stored versions that contain the passage, earliest first. */
  | { kind: 'found'; report: PassageReport }
  | { kind: 'not-found'; selection: string }
  | { kind: 'error'; selection: string; message: string };

/** What the team server added to a check, when the reader turned it on. */
export type TeamOutcome =
  | { kind: 'asked'; server: string; matches: number }
  /** The server was down, too slow or refused the token: the answer is the local corpus's alone. */
  | { kind: 'failed'; server: string; message: string };

/** What the options page's test of the team server found. */
export type TeamServerTest = { ok: true; articles: number } | { ok: false; message: string };

export interface TabState {
  tabId: number;
  /** The page address at check time; a navigation drops the state. */
  pageUrl: string;
  checkedAt: string;
  outcome: PageOutcome;
  /** Present when the check came from "Find original" on a selection. */
  passage?: PassageOutcome;
  /** Present when the team server was asked too. */
  team?: TeamOutcome;
  /** The feeds the page declares (its `<link rel="alternate">` RSS and Atom links). */
  pageFeeds?: DeclaredFeed[];
  /**
   * "unreached": the check would have refined a comparison across languages with the browser's on-device translator,
   * but no popup with one was open to ask (a popup that has one checks again).
   */
  translation?: 'unreached';
}

export type CompareOutcome =
  /** `source` is the stored version itself: the side-by-side view needs its text. */
  | { kind: 'comparison'; comparison: Comparison; source: CorpusRecord }
  | { kind: 'unavailable'; reason: string };

export interface CorpusStatus {
  count: number;
  /** True once the bundled sample corpus has been loaded into the store at least once. */
  sampleLoaded: boolean;
}

export interface SampleReload {
  added: number;
  duplicates: number;
  /** Lines of the bundled file that did not parse (normally none). */
  skipped: number;
  count: number;
}

export interface HighlightOutcome {
  found: boolean;
}

/** What the content script hands back after reading the page. */
export interface ExtractedPage {
  /** location.href of the tab at extraction time. */
  pageUrl: string;
  /** null when the page has no article. */
  article: PageArticle | null;
  /** The feeds the page declares; absent when the page declares none. */
  feeds?: DeclaredFeed[];
}

// ---------------------------------------------------------------------------------------------------------------
// The reader's corpus: capture, versions of one address, import, export, feeds

export type CaptureOutcome =
  /** Stored; `versions` counts the stored versions at this address, this one included. */
  | { kind: 'added'; id: string; firstSeen: string; versions: number }
  /** The same text is stored already (identical text is never stored twice). */
  | { kind: 'unchanged'; existingId: string; firstSeen?: string }
  | { kind: 'no-article' }
  /** The page cannot be read (browser page, or no access to the tab). */
  | { kind: 'refused'; reason: string }
  | { kind: 'error'; message: string };

export interface HistoryVersion {
  id: string;
  firstSeen?: string;
  published?: string;
  title?: string;
  chars: number;
}

/** One step of an article's edit history (lib/import/versions.ts). */
export type { ChangedSentence, VersionChange as HistoryChange } from '../../lib/import/versions.ts';

/** The stored versions of the tab's article address, oldest first, and what changed from each to the next. */
export interface PageHistory {
  url: string | null;
  versions: HistoryVersion[];
  changes: VersionChange[];
  /** The stored version whose text is the page as checked: the page is in the corpus as it reads now. */
  currentId?: string;
}

export interface CorpusPage {
  /** JSONL lines (lib/corpus/jsonl.ts), newline-terminated. */
  jsonl: string;
  count: number;
  /** Pass as `after` for the next page; null when the corpus has no more records. */
  last: number | null;
}

/** The reader's corrections as JSONL lines (lib/corpus/jsonl.ts), newline-terminated: an export ends with them. */
export interface CorrectionsExport {
  jsonl: string;
  count: number;
}

export interface DeleteOutcome {
  deleted: number;
  /** Records left in the corpus. */
  count: number;
}

/** A followed feed as the options page shows it: its stored status (lib/store/feed-book.ts) and what follows from it. */
export interface FeedView
  extends Pick<FeedRow, 'url' | 'title' | 'siteUrl' | 'addedAt' | 'lastChecked' | 'lastRead' | 'lastError' | 'failures' | 'stored' | 'lastAdded'> {
  /** When the schedule reads it next (ISO). */
  nextRead: string;
  /** The site asked to wait (429/503 with Retry-After): no request goes out before `nextRead`. */
  waiting: boolean;
  /** Origins of the feed's articles that Palimpsest may not fetch yet (their text then comes from the feed). */
  missingOrigins: string[];
}

export interface FeedRefreshReport {
  url: string;
  /** New items read from the feed in this refresh. */
  items: number;
  added: number;
  duplicates: number;
  /** New items whose article was in the corpus already (another feed, a capture or an import brought it). */
  alreadyStored: number;
  /** The feed answered 304: nothing changed since the last read. */
  unchanged?: boolean;
  /** Not read now: the site asked to wait until then (ISO). */
  waitingUntil?: string;
  problems: string[];
  error?: string;
}

export type FeedSubscription =
  | { kind: 'subscribed'; feed: FeedView; refresh: FeedRefreshReport }
  /** The popup's follow: the browser is asking the reader for access; the feed is followed once it is granted. */
  | { kind: 'pending'; url: string }
  | { kind: 'refused'; reason: string };

/** Feeds added together (an OPML file). */
export interface FeedListImport {
  added: number;
  /** Feeds in the list that were followed already. */
  already: number;
  feeds: FeedView[];
}

/** What the popup says when no original was found: what the corpus holds, and what would help. */
export interface CorpusHint {
  count: number;
  /** Records per language (primary subtag), most first. */
  languages: { lang: string; count: number }[];
  /** The page's site: articles stored from it and the followed feeds that bring its articles. */
  site: { host: string; stored: number; followed: { url: string; title?: string }[] } | null;
  /** The feeds the page declares, and which are followed. */
  pageFeeds: (DeclaredFeed & { followed: boolean })[];
  /** The page's language (primary subtag), when known. */
  pageLang?: string;
}

/** The reader's budget and what the corpus takes. */
export interface BudgetView {
  budget: Budget;
  usage: CorpusUsage;
  /** The browser's own figure for the extension's storage (compressed, with its overhead), when it gives one. */
  browserUsage?: number;
  /** What the last eviction removed. */
  lastEviction?: EvictionResult & { at: string };
}

// ---------------------------------------------------------------------------------------------------------------
// The two protocols

interface Exchange<Request, Response> {
  request: Request;
  response: Response;
}

/** Requests that extension pages (popup, options) send to the background. */
export interface BackgroundProtocol {
  /** Checks the tab's article against the corpus, or returns the stored result for the page already shown. */
  'check-tab': Exchange<{ tabId: number; force?: boolean }, TabState>;
  /** Close stored versions of the tab's article, found from the index alone while 'check-tab' runs. */
  'first-look': Exchange<{ tabId: number }, FirstLook>;
  /** The context-menu path: checks the page and, when given, the selected passage. */
  'find-original': Exchange<{ tabId: number; selectionText?: string }, TabState>;
  /** Drift of the tab's article against one stored version. */
  'compare-version': Exchange<{ tabId: number; sourceId: string }, CompareOutcome>;
  /**
   * "Not a version of this page": stores the reader's correction pairing the tab's article with a stored record,
   * then checks the tab again (the record is then listed in Report.corrected).
   */
  'mark-not-a-version': Exchange<{ tabId: number; recordId: string }, TabState>;
  /** Undoes every correction pairing the tab's article with the record, then checks the tab again. */
  'undo-not-a-version': Exchange<{ tabId: number; recordId: string }, TabState>;
  /** Marks a passage of the page in the tab and scrolls to it. */
  'highlight-passage': Exchange<{ tabId: number; text: string }, HighlightOutcome>;
  /** "Show all changes in the page": marks every drift item in the tab at once (replacing earlier marks). */
  'mark-page-changes': Exchange<{ tabId: number; changes: PageChange[] }, MarkOutcome>;
  /** Removes every change mark from the tab. */
  'clear-page-changes': Exchange<{ tabId: number }, { cleared: boolean }>;
  'corpus-status': Exchange<Record<string, never>, CorpusStatus>;
  'reload-sample-corpus': Exchange<Record<string, never>, SampleReload>;
  /** "Add this page": stores the tab's article as a new version when its text is new. */
  'capture-tab': Exchange<{ tabId: number }, CaptureOutcome>;
  /** The stored versions of the tab's article and the differences between them. */
  'page-history': Exchange<{ tabId: number }, PageHistory>;
  /** The saved progress of an import of this file, if one was started. */
  'import-status': Exchange<{ key: string }, ImportProgress | null>;
  /**
   * Stores one batch of an import (its records all or none; then the reader's corrections it carries) and moves the
   * import's saved progress forward.
   */
  'import-batch': Exchange<
    { source: ImportSource; records: CorpusRecord[]; corrections?: Correction[]; advance: Omit<BatchAdvance, 'added' | 'duplicates' | 'corrections'> },
    ImportProgress
  >;
  /** Forgets an import's progress, so the file is read from the start next time. */
  'import-forget': Exchange<{ key: string }, { forgotten: boolean }>;
  /** One page of the corpus as JSONL, in storage order, for an export. */
  'corpus-page': Exchange<{ after: number; limit: number }, CorpusPage>;
  /** Every correction the reader made, as JSONL, for the end of an export. */
  'corpus-corrections': Exchange<Record<string, never>, CorrectionsExport>;
  'corpus-find': Exchange<RecordSearch, { items: RecordSummary[]; more: boolean }>;
  'corpus-sites': Exchange<Record<string, never>, { site: string; count: number }[]>;
  /** How many records a filter covers, before deleting them. */
  'corpus-select': Exchange<RecordFilter, { count: number }>;
  'corpus-delete': Exchange<{ ids: string[] }, DeleteOutcome>;
  'corpus-delete-where': Exchange<RecordFilter, DeleteOutcome>;
  'corpus-clear': Exchange<Record<string, never>, DeleteOutcome>;
  'feeds-list': Exchange<Record<string, never>, FeedView[]>;
  /** Subscribes (the page has obtained access to the feed's origin) and reads the feed once. */
  'feed-subscribe': Exchange<{ url: string; title?: string }, FeedSubscription>;
  /**
   * The popup's one-click follow: subscribes at once when access to the feed's site is held, else waits for the
   * reader's answer to the browser's prompt (the popup may close while it shows) and subscribes on the grant.
   */
  'feed-follow-when-granted': Exchange<{ url: string; title?: string }, FeedSubscription>;
  /** Follows a list of feeds (an OPML import) without reading them now: the schedule takes them a few at a time. */
  'feeds-add': Exchange<{ feeds: OpmlFeed[] }, FeedListImport>;
  /** Why no original was found for the tab's page: the corpus, the site, the page's feeds. */
  'corpus-hint': Exchange<{ tabId: number }, CorpusHint>;
  'budget-status': Exchange<Record<string, never>, BudgetView>;
  /** Sets the budget and removes what is over it. */
  'budget-set': Exchange<{ budget: Budget }, BudgetView>;
  'feed-unsubscribe': Exchange<{ url: string }, FeedView[]>;
  /** What the schedule does, now: reads every feed (or one) and stores its new articles. */
  'feeds-refresh': Exchange<{ url?: string }, FeedRefreshReport[]>;
  /** Asks a team server for its counts with a token, before the reader turns it on. */
  'team-server-test': Exchange<{ url: string; token: string }, TeamServerTest>;
}

/** Requests that the background sends to its offscreen document (Chrome: the service worker has no DOM). */
export interface OffscreenProtocol {
  'parse-feed': Exchange<{ xml: string; url: string }, ParsedFeed>;
  'extract-html': Exchange<{ html: string; url: string }, PageArticle | null>;
}

/**
 * Requests the background sends to an open popup, which has the browser's on-device Translator where the service
 * worker has none (Chrome exposes it to extension pages only).
 */
export interface TranslatorProtocol {
  'translate-text': Exchange<{ text: string; from: string; to: string }, { text: string | null }>;
}

/** Requests that the background sends to the content script of one tab. */
export interface ContentProtocol {
  ping: Exchange<Record<string, never>, { ready: true }>;
  'extract-article': Exchange<Record<string, never>, ExtractedPage>;
  'highlight-passage': Exchange<{ text: string }, HighlightOutcome>;
  'clear-highlight': Exchange<Record<string, never>, { cleared: boolean }>;
  'mark-changes': Exchange<{ changes: PageChange[] }, MarkOutcome>;
  'clear-changes': Exchange<Record<string, never>, { cleared: boolean }>;
}

/** Any map of request type -> Exchange (interfaces have no index signature, hence the mapped constraint). */
type AnyProtocol<P> = { [K in keyof P]: Exchange<unknown, unknown> };

export type RequestOf<P extends AnyProtocol<P>, K extends keyof P> = P[K]['request'];
export type ResponseOf<P extends AnyProtocol<P>, K extends keyof P> = P[K]['response'];

// ---------------------------------------------------------------------------------------------------------------
// Envelope

/** Tags our messages so a stray message from elsewhere in the extension is never mistaken for a request. */
const CHANNEL = 'palimpsest/1';
/**
 * The offscreen document hears every runtime message (the popup's and options page's requests too), so its
 * requests travel on a channel of their own: it never answers, or refuses, what is meant for the background.
 */
const OFFSCREEN_CHANNEL = 'palimpsest-offscreen/1';
/** Likewise for requests to the popup's translator: only a popup that has a translator listens on it. */
const TRANSLATOR_CHANNEL = 'palimpsest-translator/1';

interface Envelope {
  channel: string;
  type: string;
  request: unknown;
}

export type Reply<R> = { ok: true; value: R } | { ok: false; error: string };

/** An answer as it travels: the value, or the error's message. */
export async function replyOf<R>(work: () => Promise<R> | R): Promise<Reply<R>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function isEnvelope(message: unknown, channel: string): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Envelope).channel === channel &&
    typeof (message as Envelope).type === 'string'
  );
}

/** Thrown on the sending side when the other side answered with an error. */
export class ProtocolError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/** Thrown on the sending side when the other side went away without answering (its listener stopped). */
export class NoAnswerError extends ProtocolError {
  constructor(type: string) {
    super(type, `no answer to "${type}"`);
    this.name = 'NoAnswerError';
  }
}

/**
 * How the browsers report a message that was lost because its receiver stopped (a service worker stopped or
 * restarted mid-request) or was not there yet. Chrome: "…the message channel closed before a response was
 * received", "The message port closed…", "Could not establish connection. Receiving end does not exist.";
 * Firefox: "Promised response from onMessage listener went out of scope", "Message manager disconnected".
 */
const UNDELIVERED = /message channel closed|message port closed|receiving end does not exist|went out of scope|message manager disconnected/i;

/** True when a request got no answer because the receiver went away, so sending it again may succeed. */
export function isUndelivered(error: unknown): boolean {
  if (error instanceof NoAnswerError) return true;
  if (error instanceof ProtocolError) return false;
  return error instanceof Error && UNDELIVERED.test(error.message);
}

export function isReply(answer: unknown): answer is Reply<unknown> {
  return typeof answer === 'object' && answer !== null && typeof (answer as { ok?: unknown }).ok === 'boolean';
}

/** The value of an answer to a `type` request; throws its error, or NoAnswerError when there is no answer. */
export function unwrap<R>(type: string, reply: unknown): R {
  if (!isReply(reply)) throw new NoAnswerError(type);
  const typed = reply as Reply<R>;
  if (!typed.ok) throw new ProtocolError(type, typed.error);
  return typed.value;
}

// ---------------------------------------------------------------------------------------------------------------
// Sending

/** Asks the background. Used by the popup and the options page. */
export async function sendToBackground<K extends keyof BackgroundProtocol & string>(
  type: K,
  request: RequestOf<BackgroundProtocol, K>,
): Promise<ResponseOf<BackgroundProtocol, K>> {
  const envelope: Envelope = { channel: CHANNEL, type, request };
  return unwrap(type, await browser.runtime.sendMessage(envelope));
}

/** Asks the offscreen document. Used by the background. */
export function sendToOffscreen<K extends keyof OffscreenProtocol & string>(type: K, request: RequestOf<OffscreenProtocol, K>): Promise<ResponseOf<OffscreenProtocol, K>> {
  return sendOnChannel<OffscreenProtocol, K>(OFFSCREEN_CHANNEL, type, request);
}

/** Asks an open popup's translator; rejects when no popup with a translator is listening. */
export function sendToTranslator<K extends keyof TranslatorProtocol & string>(type: K, request: RequestOf<TranslatorProtocol, K>): Promise<ResponseOf<TranslatorProtocol, K>> {
  return sendOnChannel<TranslatorProtocol, K>(TRANSLATOR_CHANNEL, type, request);
}

async function sendOnChannel<P extends AnyProtocol<P>, K extends keyof P & string>(channel: string, type: K, request: RequestOf<P, K>): Promise<ResponseOf<P, K>> {
  const envelope: Envelope = { channel, type, request };
  return unwrap(type, await browser.runtime.sendMessage(envelope));
}

/** Asks the content script in a tab (top frame only). Used by the background. */
export async function sendToTab<K extends keyof ContentProtocol & string>(
  tabId: number,
  type: K,
  request: RequestOf<ContentProtocol, K>,
): Promise<ResponseOf<ContentProtocol, K>> {
  const envelope: Envelope = { channel: CHANNEL, type, request };
  return unwrap(type, await browser.tabs.sendMessage(tabId, envelope, { frameId: 0 }));
}

// ---------------------------------------------------------------------------------------------------------------
// Answering

export type Sender = Browser.runtime.MessageSender;

export type Handler<P extends AnyProtocol<P>, K extends keyof P> = (
  request: RequestOf<P, K>,
  sender: Sender,
) => Promise<ResponseOf<P, K>> | ResponseOf<P, K>;

export type Handlers<P extends AnyProtocol<P>> = { [K in keyof P]: Handler<P, K> };

/**
 * Who may send a request type:
 * "extension-pages" – only this extension's own pages (popup, options), never a web page's content script;
 * "background" – only the background (no tab, no page URL): what content scripts accept.
 */
export type Audience = 'extension-pages' | 'background';

export type AudienceMap<P extends AnyProtocol<P>> = { [K in keyof P]: Audience };

/**
 * The port a popup holds open while it shows a tab's answer: its closing tells the worker that no popup will ask
 * for the full check the toolbar click started (extension/background/toolbar-click.ts).
 */
const POPUP_PORT_PREFIX = 'popup-for-tab:';

export function popupPortName(tabId: number): string {
  return `${POPUP_PORT_PREFIX}${tabId}`;
}

/** The tab a popup's port is for, or null for any other port. */
export function tabOfPopupPort(name: string): number | null {
  if (!name.startsWith(POPUP_PORT_PREFIX)) return null;
  const tabId = Number(name.slice(POPUP_PORT_PREFIX.length));
  return Number.isInteger(tabId) ? tabId : null;
}

/** True when the message comes from this extension's own pages (popup, options, a popup opened as a tab). */
export function isFromExtensionPage(sender: Sender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const ownOrigin = browser.runtime.getURL('/');
  return typeof sender.url === 'string' && sender.url.startsWith(ownOrigin);
}

/** True when the message comes from the background (it has neither a tab nor a page URL of a web page). */
export function isFromBackground(sender: Sender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  if (sender.tab) return false;
  return sender.url === undefined || sender.url.startsWith(browser.runtime.getURL('/'));
}

function senderAllowed(audience: Audience, sender: Sender): boolean {
  return audience === 'extension-pages' ? isFromExtensionPage(sender) : isFromBackground(sender);
}

/**
 * Registers every handler of a protocol behind one onMessage listener. Messages of other shapes are left alone
 * (returning undefined lets other listeners answer); messages from a sender not allowed for that type are refused.
 */
export function listen<P extends AnyProtocol<P>>(handlers: Handlers<P>, audience: AudienceMap<P>, channel: 'main' | 'offscreen' | 'translator' = 'main'): () => void {
  const expected = channel === 'offscreen' ? OFFSCREEN_CHANNEL : channel === 'translator' ? TRANSLATOR_CHANNEL : CHANNEL;
  const listener = (message: unknown, sender: Sender): Promise<Reply<unknown>> | undefined => {
    if (!isEnvelope(message, expected)) return undefined;
    return answer(handlers, audience, message, sender);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** One request answered: an unknown type and a sender not allowed for the type are refused. */
function answer<P extends AnyProtocol<P>>(handlers: Handlers<P>, audience: AudienceMap<P>, message: Envelope, sender: Sender): Promise<Reply<unknown>> {
  if (!Object.hasOwn(handlers, message.type)) {
    return Promise.resolve({ ok: false, error: `unknown request "${message.type}"` });
  }
  const type = message.type as keyof P;
  if (!senderAllowed(audience[type], sender)) {
    return Promise.resolve({ ok: false, error: `"${message.type}" is not accepted from this sender` });
  }
  const handler = handlers[type] as Handler<P, keyof P>;
  return replyOf(() => handler(message.request as RequestOf<P, keyof P>, sender));
}

// ---------------------------------------------------------------------------------------------------------------
// The direct channel: an extension page posts to the background's service worker

/*
 * runtime.sendMessage serialises a request to JSON and relays it through the browser process; a large request (an
 * import batch of a thousand articles) cost seconds of CPU that way. Posted to the service worker itself the same
 * request is a structured clone, answered on a MessageChannel of its own. The envelope, the
 * handlers and the sender check are the ones above; where there is no service worker to post to (Firefox runs the
 * background as a page) requests go through runtime.sendMessage.
 */

/**
 * A service worker the browser stops while it answers takes the request with it, and the page hears nothing (the
 * reply port gets no close event in Chromium). So the page, waiting, asks the worker this often whether the request
 * is still in its hands: a worker busy with it says yes; one started afresh (asking starts a stopped one) has never
 * heard of it, and the page reports the request undelivered, to be sent again.
 */
const DIRECT_PROBE_MS = 1000;
/** A reply and the answer to a probe travel on different ports, in either order: a "no" waits this long for the reply. */
const DIRECT_REPLY_GRACE_MS = 500;

interface DirectRequest extends Envelope {
  /** Names the request for probes. */
  id: string;
}

interface DirectProbe {
  channel: string;
  probe: string;
}

interface ExtendableMessage {
  data: unknown;
  origin: string;
  ports: readonly MessagePort[];
  source: { url?: string } | null;
  waitUntil(work: Promise<unknown>): void;
}

/** The background's service worker, when the background is one and is running or can be started; else null. */
export async function backgroundWorker(): Promise<ServiceWorker | null> {
  if (typeof navigator === 'undefined' || !navigator.serviceWorker) return null;
  try {
    const registration = await navigator.serviceWorker.getRegistration(browser.runtime.getURL('/'));
    return registration?.active ?? null;
  } catch {
    return null;
  }
}

/** Posts a message with a port for its one answer; resolves with the answer. */
function postForAnswer(worker: ServiceWorker, message: DirectRequest | DirectProbe, onAnswer: (answer: unknown) => void): () => void {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<unknown>) => onAnswer(event.data);
  worker.postMessage(message, [channel.port2]);
  return () => {
    channel.port1.onmessage = null;
    channel.port1.close();
  };
}

/** Asks the background by posting to its service worker (see backgroundWorker). */
export function postToBackground<K extends keyof BackgroundProtocol & string>(
  worker: ServiceWorker,
  type: K,
  request: RequestOf<BackgroundProtocol, K>,
): Promise<ResponseOf<BackgroundProtocol, K>> {
  return new Promise((resolve, reject) => {
    const id = crypto.randomUUID();
    const probes: (() => void)[] = [];
    let settled = false;
    let closeRequest: () => void = () => undefined;
    let lost: ReturnType<typeof setTimeout> | undefined;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(probing);
      clearTimeout(lost);
      closeRequest();
      for (const close of probes) close();
      finish();
    };
    const probing = setInterval(() => {
      const close = postForAnswer(worker, { channel: CHANNEL, probe: id }, (inHand) => {
        close();
        if (inHand === false) lost ??= setTimeout(() => settle(() => reject(new NoAnswerError(type))), DIRECT_REPLY_GRACE_MS);
      });
      probes.push(close);
    }, DIRECT_PROBE_MS);
    try {
      closeRequest = postForAnswer(worker, { channel: CHANNEL, type, request, id }, (reply) =>
        settle(() => {
          try {
            resolve(unwrap(type, reply));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        }),
      );
    } catch (error) {
      settle(() => reject(error instanceof Error ? error : new Error(String(error))));
    }
  });
}

function isProbe(message: unknown): message is DirectProbe {
  return typeof message === 'object' && message !== null && (message as DirectProbe).channel === CHANNEL && typeof (message as DirectProbe).probe === 'string';
}

/**
 * Answers requests posted to the background's service worker (postToBackground) with the same handlers and sender
 * check as `listen`. The sender is known by the posting page's origin and address; a content script cannot post here
 * (a service worker hears only pages of its own origin). Does nothing where the background is not a service worker.
 */
export function listenDirect<P extends AnyProtocol<P>>(handlers: Handlers<P>, audience: AudienceMap<P>): () => void {
  const scope = globalThis as unknown as {
    clients?: unknown;
    addEventListener(type: 'message', listener: (event: ExtendableMessage) => void): void;
    removeEventListener(type: 'message', listener: (event: ExtendableMessage) => void): void;
  };
  if (typeof scope.clients !== 'object' || scope.clients === null) return () => undefined;
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  /** Requests being answered by this run of the worker. */
  const inHand = new Set<string>();
  const listener = (event: ExtendableMessage) => {
    const [port] = event.ports;
    if (port === undefined || event.origin !== ownOrigin) return;
    if (isProbe(event.data)) {
      port.postMessage(inHand.has(event.data.probe));
      return;
    }
    if (!isEnvelope(event.data, CHANNEL)) return;
    const id = String((event.data as Partial<DirectRequest>).id);
    // The page's address names the sender for the audience check, as runtime.onMessage's sender does.
    const sender: Sender = { id: browser.runtime.id, url: typeof event.source?.url === 'string' ? event.source.url : undefined };
    inHand.add(id);
    const answered = answer(handlers, audience, event.data, sender)
      .then((reply) => port.postMessage(reply))
      // An answer that cannot be cloned is an error answer, not a silence the page waits out.
      .catch((error: unknown) => port.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies Reply<never>))
      .finally(() => inHand.delete(id));
    // The worker stays up until the answer is posted.
    event.waitUntil(answered);
  };
  scope.addEventListener('message', listener);
  return () => scope.removeEventListener('message', listener);
}
