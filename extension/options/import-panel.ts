/** The three import cards of the options page: choose a file, import with progress, cancel, resume, see problems. */
import type { ImportProgress } from '../../lib/import/progress.ts';
import { sendToBackground } from '../shared/protocol.ts';
import { crawlImporter } from './crawl/crawl-importer.ts';
import { htmlImporter, jsonlImporter, warcImporter, type Importer } from './importers.ts';
import { ImportInterrupted, keyOf, runImport } from './import-runner.ts';
import { clear, describeError, el, formatCount } from '../shared/dom.ts';
import { announceCorpusChange, formatBytes, formatTime } from './ui.ts';
import { RunClock } from './run-clock.ts';

type ImporterFactory = (files: File[]) => Importer;

/**
 * Archives this large are read by the bulk pipeline (workers, the streaming reader: hundreds of articles a second);
 * smaller ones page by page with the full extractor, which reads more layouts (README: bulk import).
 */
const CRAWL_BYTES = 64 * 1024 * 1024;
/** The pace line is rewritten at most this often. */
const PACE_EVERY_MS = 1000;

const FACTORIES: Record<string, ImporterFactory> = {
  jsonl: (files) => jsonlImporter(files[0]),
  html: (files) => htmlImporter(files),
  warc: (files) => (files[0].size >= CRAWL_BYTES ? crawlImporter(files[0]) : warcImporter(files[0])),
};

const UNIT_WORDS = { line: ['line', 'lines'], record: ['archive record', 'archive records'], file: ['file', 'files'] } as const;

/** "line 12" reads "Line 12" at the start of an entry; file names keep their own spelling. */
function whereLabel(where: string): string {
  return /^(line|record) /.test(where) ? where.charAt(0).toUpperCase() + where.slice(1) : where;
}

/** Names shown at most in the chosen-files line; the rest are counted. */
const NAMED_FILES = 3;

function chosenFiles(files: File[]): string {
  if (files.length === 0) return '';
  const bytes = formatBytes(files.reduce((sum, file) => sum + file.size, 0));
  const names = files.slice(0, NAMED_FILES).map((file) => file.name);
  const more = files.length - names.length;
  const list = more > 0 ? `${names.join(', ')} and ${formatCount(more, 'other', 'others')}` : names.join(', ');
  return files.length === 1 ? `Chosen: ${list} (${bytes})` : `${formatCount(files.length, 'file', 'files')} chosen (${bytes}): ${list}`;
}

function storedSummary(progress: ImportProgress): string {
  const parts = [`${formatCount(progress.added, 'article', 'articles')} stored`];
  if (progress.corrections) parts.push(`${formatCount(progress.corrections, 'correction', 'corrections')} of yours`);
  if (progress.duplicates > 0) parts.push(`${formatCount(progress.duplicates, 'was', 'were')} already in your corpus`);
  if (progress.problemCount > 0) parts.push(formatCount(progress.problemCount, 'problem', 'problems'));
  return parts.join(' · ');
}

class ImportCard {
  private readonly input: HTMLInputElement;
  private readonly start: HTMLButtonElement;
  private readonly cancel: HTMLButtonElement;
  private readonly progressBar: HTMLProgressElement;
  private readonly status: HTMLElement;
  private readonly resume: HTMLElement;
  private readonly problems: HTMLElement;
  /** What the reader chose: "3 files chosen (1.2 MB): a.html, b.html, c.html". */
  private readonly chosenLine: HTMLElement;
  /** How the import is going: articles a second and time left while it runs, the run's time once it ends. */
  private readonly paceLine: HTMLElement;
  private importer: Importer | null = null;
  private saved: ImportProgress | null = null;
  private restart = false;
  private controller: AbortController | null = null;
  private paceShownAt = -Infinity;

  constructor(
    private readonly doc: Document,
    private readonly card: HTMLElement,
    private readonly factory: ImporterFactory,
  ) {
    const find = <T extends Element>(selector: string) => card.querySelector<T & HTMLElement>(selector)!;
    this.input = find<HTMLInputElement>('.import-file');
    this.start = find<HTMLButtonElement>('.import-start');
    this.cancel = find<HTMLButtonElement>('.import-cancel');
    this.progressBar = find<HTMLProgressElement>('.import-progress');
    this.status = find('.import-status');
    this.resume = find('.import-resume');
    this.problems = find('.import-problems');
    this.chosenLine = el('p', { class: 'import-chosen muted', attrs: { 'aria-live': 'polite' } });
    find('.import-controls').after(this.chosenLine);
    // Not announced: it changes every second, and the status line above says what matters.
    this.paceLine = el('p', { class: 'import-pace muted', attrs: { 'aria-live': 'off' } });
    this.status.after(this.paceLine);
    this.input.addEventListener('change', () => void this.chosen());
    this.start.addEventListener('click', () => void this.run());
    this.cancel.addEventListener('click', () => this.controller?.abort());
  }

  private async chosen(): Promise<void> {
    const files = [...(this.input.files ?? [])];
    this.chosenLine.textContent = chosenFiles(files);
    this.importer = files.length > 0 ? this.factory(files) : null;
    this.restart = false;
    this.saved = null;
    this.status.textContent = '';
    this.paceLine.textContent = '';
    this.showProblems(null);
    this.resume.hidden = true;
    this.start.disabled = this.importer === null;
    this.start.textContent = 'Import';
    if (!this.importer) return;
    try {
      this.saved = await sendToBackground('import-status', { key: keyOf(this.importer) });
    } catch {
      this.saved = null;
    }
    this.showResumeNote();
  }

  /** Tells the reader that this file was (partly) imported before, and what choosing it again does. */
  private showResumeNote(): void {
    const saved = this.saved;
    clear(this.resume);
    if (!saved || !this.importer || (saved.position === 0 && !saved.done)) return;
    const [one, many] = UNIT_WORDS[this.importer.unit];
    const position = this.importer.unit === 'line' ? saved.line : saved.position;
    if (saved.done) {
      this.resume.append(`This file was imported on ${formatTime(saved.updatedAt)} (${storedSummary(saved)}). Importing it again adds only what is missing. `);
    } else {
      this.start.textContent = 'Continue import';
      this.resume.append(
        `An earlier import of this file stopped after ${formatCount(position, one, many)} (${storedSummary(saved)}). It continues from there. `,
        el('button', { class: 'link-button', attrs: { type: 'button' }, onClick: () => this.startOver() }, 'Start over instead'),
      );
    }
    this.resume.hidden = false;
    this.showProblems(saved);
  }

  private startOver(): void {
    this.restart = true;
    this.start.textContent = 'Import';
    clear(this.resume);
    this.resume.append('The file will be read from the start; articles already stored are recognised and not stored twice.');
    this.showProblems(null);
  }

  private busy(running: boolean): void {
    this.input.disabled = running;
    this.start.disabled = running;
    this.start.hidden = running;
    this.cancel.hidden = !running;
    this.card.setAttribute('aria-busy', String(running));
    // The bar shows work in progress only: once done, cancelled or stopped, the status line says where it ended.
    this.progressBar.hidden = !running;
  }

  private async run(): Promise<void> {
    const importer = this.importer;
    if (!importer) return;
    this.controller = new AbortController();
    this.busy(true);
    this.cancel.focus();
    let from = this.saved;
    try {
      if (this.restart || from?.done) {
        await sendToBackground('import-forget', { key: keyOf(importer) });
        from = null;
      }
      this.progressBar.value = 0;
      this.status.textContent = from ? 'Continuing the import…' : 'Reading the file…';
      this.paceLine.textContent = '';
      const clock = new RunClock(from?.added ?? 0);
      const result = await runImport(importer, from, this.controller.signal, {
        onRead: (fraction, counts) => {
          this.progressBar.value = fraction;
          clock.read(fraction);
          if (!this.saved) this.status.textContent = `Reading… ${formatCount(counts.read, 'article', 'articles')} read`;
          this.showPace(clock.runningLine());
        },
        onStored: (progress) => {
          this.saved = progress;
          clock.stored(progress.added);
          this.status.textContent = `${progress.done ? 'Done' : 'Importing'}: ${storedSummary(progress)}.`;
          this.showProblems(progress);
          announceCorpusChange(this.doc);
        },
      });
      this.paceLine.textContent = clock.finishedLine();
      this.saved = result.progress;
      if (result.cancelled) {
        const where = this.saved ? ` ${storedSummary(this.saved)} so far.` : '';
        this.status.textContent = `Import cancelled.${where} Choose the same file again to continue where it stopped.`;
      } else {
        this.progressBar.value = 1;
        const passedOver = result.passedOver > 0 ? ` ${formatCount(result.passedOver, 'archive record was', 'archive records were')} not an article page (requests, images, redirects) and passed over.` : '';
        this.status.textContent = `Done: ${this.saved ? storedSummary(this.saved) : 'nothing to import'}.${passedOver}`;
      }
    } catch (error) {
      this.paceLine.textContent = '';
      this.status.textContent =
        error instanceof ImportInterrupted
          ? error.message
          : `The import stopped: ${describeError(error)} Everything stored before this point is kept; choose the same file again to continue.`;
    } finally {
      this.controller = null;
      this.restart = false;
      this.busy(false);
      this.start.textContent = this.saved && !this.saved.done ? 'Continue import' : 'Import';
      this.resume.hidden = true;
      announceCorpusChange(this.doc);
    }
  }

  /** At most once a second: a line that changes at every record is unreadable. */
  private showPace(line: string | null): void {
    const now = performance.now();
    if (now - this.paceShownAt < PACE_EVERY_MS) return;
    this.paceShownAt = now;
    this.paceLine.textContent = line ?? '';
  }

  private showProblems(progress: ImportProgress | null): void {
    clear(this.problems);
    if (!progress || progress.problemCount === 0) {
      this.problems.hidden = true;
      return;
    }
    const headingId = `${this.card.dataset.format}-problems-heading`;
    const more = progress.problemCount - progress.problems.length;
    this.problems.append(
      el('h4', { attrs: { id: headingId } }, `${formatCount(progress.problemCount, 'problem', 'problems')}: left out, the rest was kept`),
      el(
        'ol',
        { class: 'problem-list', attrs: { 'aria-labelledby': headingId } },
        ...progress.problems.map((problem) => el('li', { class: 'problem' }, el('span', { class: 'problem-where' }, `${whereLabel(problem.where)}:`), ' ', el('span', { class: 'problem-reason' }, problem.reason))),
      ),
    );
    if (more > 0) this.problems.append(el('p', { class: 'muted small' }, `…and ${more.toLocaleString('en')} more.`));
    this.problems.hidden = false;
  }
}

export function startImportPanel(doc: Document): void {
  for (const card of doc.querySelectorAll<HTMLElement>('.import-card')) {
    const factory = FACTORIES[card.dataset.format ?? ''];
    if (factory) new ImportCard(doc, card, factory);
  }
}
