/**
 * The bulk-import row of `npm run bench`: a generated WARC.gz news crawl (1 GB by default, written at bench time
 * into the temp directory and kept there for the next run, never in the repository) imported in Chromium through
 * the options page, as a reader does it: choose the file, press Import. Measured: articles stored per second, the
 * peak JS heap of the service worker (and of the options page), and two interruptions — the service worker stopped
 * at a third of the way (the import must go on by itself), and the options page closed at two thirds and the file
 * chosen again (the import must continue where it stopped, without reading the file again from the start and
 * without storing anything twice).
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { BenchBrowser } from './chromium-path.ts';
import { newsPage } from './news-pages.ts';
import { existingCrawl, writeNewsCrawl } from './news-warc.ts';
import { browserPid, CpuMeter, type ThreadRole } from './process-cpu.ts';
import { median } from './stats.ts';

export interface CrawlRun {
  fileBytes: number;
  stored: number;
  /** Seconds importing, the time the page was closed left out. */
  importSeconds: number;
  articlesPerSecond: number;
  /** Between 10% and 30% of the file: the steady rate, before any interruption. */
  steadyArticlesPerSecond: number;
  workerHeapPeak: number;
  pageHeapPeak: number;
  /** The worker was stopped mid-import and the import went on: seconds until the next batch was stored. */
  workerStopRecoverySeconds: number;
  /** The page was closed mid-import and the file chosen again: seconds from "Continue import" to the next stored batch. */
  resumeSeconds: number;
  /** Where the resumed import started, as a share of the file (it seeks there instead of reading from the start). */
  resumedAtFraction: number;
  /** Records read again after the interruptions, recognised as stored and not stored twice. */
  duplicates: number;
  problems: number;
  extractors: number;
  generatedSeconds: number | null;
  /** CPU seconds the browser's processes used per 1,000 articles stored (all threads, all processes). */
  cpuSecondsPerThousand: number;
  /** The same, by what the threads do: the reader and extractor workers, the service worker, the page, … */
  cpuSecondsPerThousandByRole: Partial<Record<ThreadRole, number>>;
  /** The busiest threads of the browser process and of the extension process's other threads, by name, per 1,000. */
  cpuSecondsPerThousandByThread: Partial<Record<ThreadRole, [string, number][]>>;
  /** Load average of the machine over the run (1-minute figure, sampled): other jobs share its cores. */
  meanLoad: number;
  cores: number;
  /** Bytes the browser process passed to write() per 1,000 articles (/proc/<pid>/io wchar): IndexedDB's files, mostly. */
  browserWrittenBytesPerThousand: number;
  /** The line under the progress bar at a fifth of the file, before the interruptions. */
  paceAtFifth: string;
  /** The same line in the continued run (which nothing interrupts) at 75% and 90%, and the seconds the import then took. */
  timeLeftChecks: { fraction: number; shown: string; secondsTaken: number }[];
  /** The line once done: what the continued run stored, in how long. */
  finishedPace: string;
  /**
   * First answers and full checks (ms), one of each a second from the last 1% of the file until the import is done:
   * while its last batches are stored and the index settles.
   */
  answersAtEnd: { firstAnswerMs: number[]; fullCheckMs: number[] };
  /** The import fifth by fifth of the file: whether it slows as the corpus grows, and in which thread. */
  fifths: FifthOfFile[];
}

/** One fifth of the file: its rate, and CPU and bytes written per 1,000 articles stored in it. */
export interface FifthOfFile {
  upTo: number;
  articlesPerSecond: number;
  /**
   * A reader's first answer at the fifth's end, while the import runs (median ms of FIRST_ANSWERS pages of the crawl):
   * how long a reader who clicks during an import waits. NaN once the import is done.
   */
  firstAnswerMs: number;
  /** The same for the full check (the popup's second, full answer). */
  fullCheckMs: number;
  cpuSecondsPerThousandByRole: Partial<Record<ThreadRole, number>>;
  browserWrittenBytesPerThousand: number;
}

interface Mark {
  at: number;
  stored: number;
  roles: Map<ThreadRole, number>;
  written: number;
  firstAnswerMs: number;
  fullCheckMs: number;
}

/** First answers and full checks asked at each fifth's end: pages the crawl holds near its start, stored by then. */
const FIRST_ANSWERS = 5;

/** CPU seconds per 1,000 articles by thread role, between two readings of the roles' totals. */
function perThousandByRole(before: Map<ThreadRole, number>, after: Map<ThreadRole, number>, stored: number): Partial<Record<ThreadRole, number>> {
  return Object.fromEntries([...after].map(([role, seconds]) => [role, ((seconds - (before.get(role) ?? 0)) / stored) * 1000]));
}

/** "worker 3.8 s, sw 2.4 s, …", busiest first, leaving out roles under `atLeast` seconds. */
function rolesLine(byRole: Partial<Record<ThreadRole, number>>, atLeast = 0): string {
  return Object.entries(byRole)
    .filter(([, seconds]) => seconds >= atLeast)
    .sort((a, b) => b[1] - a[1])
    .map(([role, seconds]) => `${role} ${seconds.toFixed(1)} s`)
    .join(', ');
}

function fifthBetween(from: Mark, to: Mark, upTo: number): FifthOfFile {
  const stored = Math.max(1, to.stored - from.stored);
  return {
    upTo,
    articlesPerSecond: (stored / (to.at - from.at)) * 1000,
    firstAnswerMs: to.firstAnswerMs,
    fullCheckMs: to.fullCheckMs,
    cpuSecondsPerThousandByRole: perThousandByRole(from.roles, to.roles, stored),
    browserWrittenBytesPerThousand: ((to.written - from.written) / stored) * 1000,
  };
}

type Log = (line: string) => void;

const CARD = '.import-card[data-format="warc"]';
const CRAWL_VERSION = 1;

interface Sample {
  at: number;
  fraction: number;
  stored: number;
  status: string;
  pace: string;
}

async function sample(page: Page): Promise<Sample> {
  return page.evaluate((card) => {
    const root = document.querySelector(card)!;
    const status = root.querySelector('.import-status')?.textContent ?? '';
    const match = /([\d,]+) articles? stored/.exec(status);
    return {
      at: performance.timeOrigin + performance.now(),
      fraction: (root.querySelector('.import-progress') as HTMLProgressElement).value,
      stored: match ? Number(match[1].replace(/,/g, '')) : 0,
      status,
      pace: root.querySelector('.import-pace')?.textContent ?? '',
    };
  }, CARD);
}

async function pageHeap(page: Page): Promise<number> {
  return page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0).catch(() => 0);
}

async function openOptions(browser: BenchBrowser, file: string): Promise<Page> {
  const page = await browser.extensionPage('options.html');
  await page.locator('body[data-ready="true"]').waitFor();
  await page.locator(`${CARD} .import-file`).setInputFiles(file);
  await page.locator(`${CARD} .import-start:not([disabled])`).waitFor();
  return page;
}

/** Waits until the stored count passes `stored` (a batch landed); returns when. */
async function nextBatch(page: Page, stored: number, timeoutMs = 120_000): Promise<Sample> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const now = await sample(page);
    if (now.stored > stored) return now;
  }
  throw new Error(`no batch stored within ${timeoutMs / 1000} s`);
}

export async function runCrawlImport(setup: { extensionDir: string; chromiumPath: string; repoRoot: string; megabytes: number }, log: Log): Promise<CrawlRun> {
  const file = path.join(tmpdir(), `palimpsest-bench-crawl-${setup.megabytes}mb-v${CRAWL_VERSION}.warc.gz`);
  let generatedSeconds: number | null = null;
  if (existingCrawl(file) === null) {
    log(`crawl: writing a ${setup.megabytes} MB WARC.gz of generated news pages to ${file}…`);
    const began = Date.now();
    await writeNewsCrawl(file, setup.megabytes * 1024 * 1024, (written) => log(`  crawl: ${Math.round(written.bytes / 1024 / 1024)} MB, ${written.pages} pages`));
    generatedSeconds = (Date.now() - began) / 1000;
  } else {
    log(`crawl: reusing ${file}`);
  }
  const fileBytes = existingCrawl(file)!;
  const browser = await BenchBrowser.launch(setup.extensionDir, setup.chromiumPath, setup.repoRoot, 'pinned');
  try {
    const sampleCount = await browser.inWorker<number>('palimpsestBench.count()');
    const pid = browserPid(browser.profileDir);
    const cpu = pid !== null ? new CpuMeter(pid) : null;
    const loads: number[] = [];
    let page = await openOptions(browser, file);
    const extractors = await page.evaluate(() => Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 2)));
    let workerHeapPeak = await browser.workerHeap();
    let pageHeapPeak = await pageHeap(page);
    const samples: Sample[] = [];
    let active = 0;
    let segmentStart = Date.now();
    cpu?.sample();
    const cpuBefore = cpu?.seconds() ?? 0;
    const writtenBefore = writtenBytes(pid);
    const rolesBefore = cpu?.secondsByRole() ?? new Map<ThreadRole, number>();
    const detailed: ThreadRole[] = ['browser process', 'extension process, other'];
    const threadsBefore = new Map(detailed.map((role) => [role, cpu?.secondsByThreadName(role) ?? new Map<string, number>()]));
    const mark = async (importing: boolean): Promise<Mark> => {
      const at = Date.now();
      const stored = await browser.inWorker<number>('palimpsestBench.count()');
      const roles = cpu?.secondsByRole() ?? new Map<ThreadRole, number>();
      const written = writtenBytes(pid);
      const answers = importing ? await answersWhileImporting(browser) : { firstAnswerMs: NaN, fullCheckMs: NaN };
      return { at, stored, roles, written, ...answers };
    };
    const marks: { upTo: number; mark: Mark }[] = [{ upTo: 0, mark: await mark(false) }];
    const fifthsDue = [0.2, 0.4, 0.6, 0.8];
    await page.locator(`${CARD} .import-start`).click();
    let stoppedWorker = false;
    let workerStopRecoverySeconds = 0;
    let resumeSeconds = 0;
    let resumedAtFraction = 0;
    let closedPage = false;
    let paceAtFifth = '';
    const answersAtEnd: CrawlRun['answersAtEnd'] = { firstAnswerMs: [], fullCheckMs: [] };
    const checkpoints = [0.75, 0.9];
    const timeLeftShown: { fraction: number; shown: string; at: number }[] = [];
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const now = await sample(page);
      samples.push(now);
      cpu?.sample();
      loads.push(loadavg()[0]);
      workerHeapPeak = Math.max(workerHeapPeak, await browser.workerHeap().catch(() => 0));
      pageHeapPeak = Math.max(pageHeapPeak, await pageHeap(page));
      if (samples.length % 15 === 0) log(`  crawl: ${(now.fraction * 100).toFixed(0)}% · ${now.stored} stored · worker heap ${(workerHeapPeak / 1e6).toFixed(0)} MB peak`);
      if (!paceAtFifth && now.fraction >= 0.2) paceAtFifth = now.pace;
      if (closedPage && now.fraction >= 0.99 && !/^Done/.test(now.status)) {
        const { firstAnswerMs, fullCheckMs } = await answersWhileImporting(browser, 1);
        log(`  crawl: ${now.stored} stored, ${now.status.slice(0, 40)}: a first answer ${firstAnswerMs.toFixed(0)} ms, a full check ${fullCheckMs.toFixed(0)} ms`);
        answersAtEnd.firstAnswerMs.push(firstAnswerMs);
        answersAtEnd.fullCheckMs.push(fullCheckMs);
        continue;
      }
      if (fifthsDue.length > 0 && now.fraction >= fifthsDue[0]) {
        marks.push({ upTo: fifthsDue.shift()!, mark: await mark(true) });
        // The first answers take seconds, in which the import goes on: what follows reads a fresh sample.
        continue;
      }
      const checkpoint = checkpoints.find((fraction) => closedPage && now.fraction >= fraction && !timeLeftShown.some((shown) => shown.fraction === fraction));
      if (checkpoint !== undefined) timeLeftShown.push({ fraction: checkpoint, shown: now.pace, at: now.at });
      if (/^Done/.test(now.status)) break;
      if (/stopped|interrupted/i.test(now.status) && !/Importing/.test(now.status)) throw new Error(`the import stopped: ${now.status}`);
      if (!stoppedWorker && now.fraction >= 0.33) {
        stoppedWorker = true;
        log('  crawl: stopping the service worker mid-import');
        const before = now.stored;
        const stoppedAt = Date.now();
        await browser.stopWorker();
        const after = await nextBatch(page, before);
        workerStopRecoverySeconds = (after.at - stoppedAt) / 1000;
        log(`  crawl: the import went on ${workerStopRecoverySeconds.toFixed(1)} s after the worker was stopped`);
      }
      if (!closedPage && now.fraction >= 0.66) {
        closedPage = true;
        log('  crawl: closing the options page mid-import, then choosing the file again');
        active += Date.now() - segmentStart;
        await page.close();
        page = await openOptions(browser, file);
        // The note comes once the page has asked the background about this file.
        await page.locator(`${CARD} .import-resume:not([hidden])`).waitFor({ timeout: 60_000 });
        const resumeNote = (await page.locator(`${CARD} .import-resume`).textContent()) ?? '';
        if (!/stopped after/.test(resumeNote)) throw new Error(`the file chosen again did not offer to continue: ${resumeNote}`);
        const stored = (await sample(page)).stored;
        segmentStart = Date.now();
        await page.locator(`${CARD} .import-start`).click();
        const after = await nextBatch(page, stored);
        resumeSeconds = (Date.now() - segmentStart) / 1000;
        resumedAtFraction = (await sample(page)).fraction;
        log(`  crawl: continued at ${(resumedAtFraction * 100).toFixed(0)}% of the file; next batch stored ${resumeSeconds.toFixed(1)} s after "Continue import" (${after.stored} stored)`);
      }
    }
    active += Date.now() - segmentStart;
    cpu?.sample();
    marks.push({ upTo: 1, mark: await mark(false) });
    const cpuSeconds = (cpu?.seconds() ?? NaN) - cpuBefore;
    const written = writtenBytes(pid) - writtenBefore;
    const { status: finalStatus, pace: finishedPace, at: doneAt } = await sample(page);
    const stored = (await browser.inWorker<number>('palimpsestBench.count()')) - sampleCount;
    const duplicates = Number(/([\d,]+) were already in your corpus/.exec(finalStatus)?.[1].replace(/,/g, '') ?? 0);
    const problems = Number(/([\d,]+) problems?/.exec(finalStatus)?.[1].replace(/,/g, '') ?? 0);
    const steady = samples.filter((s) => s.fraction >= 0.1 && s.fraction <= 0.3);
    const steadyRate = steady.length >= 2 ? ((steady[steady.length - 1].stored - steady[0].stored) / (steady[steady.length - 1].at - steady[0].at)) * 1000 : NaN;
    return {
      fileBytes,
      stored,
      importSeconds: active / 1000,
      articlesPerSecond: stored / (active / 1000),
      steadyArticlesPerSecond: steadyRate,
      workerHeapPeak,
      pageHeapPeak,
      workerStopRecoverySeconds,
      resumeSeconds,
      resumedAtFraction,
      duplicates,
      problems,
      extractors,
      generatedSeconds,
      cpuSecondsPerThousand: (cpuSeconds / stored) * 1000,
      cpuSecondsPerThousandByThread: Object.fromEntries(
        detailed.map((role) => [
          role,
          [...(cpu?.secondsByThreadName(role) ?? [])]
            .map(([name, seconds]): [string, number] => [name, ((seconds - (threadsBefore.get(role)?.get(name) ?? 0)) / stored) * 1000])
            .sort((a, b) => b[1] - a[1])
            .slice(0, 5),
        ]),
      ),
      cpuSecondsPerThousandByRole: perThousandByRole(rolesBefore, cpu?.secondsByRole() ?? new Map(), stored),
      meanLoad: loads.reduce((total, load) => total + load, 0) / Math.max(1, loads.length),
      cores: cpus().length,
      browserWrittenBytesPerThousand: (written / stored) * 1000,
      paceAtFifth,
      timeLeftChecks: timeLeftShown.map(({ fraction, shown, at }) => ({ fraction, shown, secondsTaken: (doneAt - at) / 1000 })),
      finishedPace,
      answersAtEnd,
      fifths: marks.slice(1).map(({ upTo, mark: to }, i) => fifthBetween(marks[i].mark, to, upTo)),
    };
  } finally {
    await browser.close();
  }
}

/**
 * The median time of a first answer (the popup's query) and of a full check on pages of the crawl, asked in the
 * service worker as the popup asks them, one after the other.
 */
async function answersWhileImporting(browser: BenchBrowser, pages = FIRST_ANSWERS): Promise<{ firstAnswerMs: number; fullCheckMs: number }> {
  const firstAnswers: number[] = [];
  const fullChecks: number[] = [];
  for (let i = 0; i < pages; i++) {
    const page = JSON.stringify({ text: newsPage(i * 7).paragraphs.join('\n\n') });
    firstAnswers.push((await browser.inWorker<{ ms: number }>(`palimpsestBench.likely(${page})`)).ms);
    fullChecks.push((await browser.inWorker<{ ms: number }>(`palimpsestBench.check(${page})`)).ms);
  }
  return { firstAnswerMs: median(firstAnswers), fullCheckMs: median(fullChecks) };
}

/** Bytes a process has passed to write() so far (NaN when /proc does not say). */
function writtenBytes(pid: number | null): number {
  if (pid === null) return NaN;
  try {
    return Number(/^wchar: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

/** "3 asked: 420 ms, slowest 1,210 ms". */
function answersLine(times: readonly number[]): string {
  if (times.length === 0) return 'none asked';
  return `${times.length} asked: ${median(times).toFixed(0)} ms, slowest ${Math.max(...times).toFixed(0)} ms`;
}

export function crawlRows(run: CrawlRun): string[] {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  return [
    `| Measure | ${mb(run.fileBytes)} WARC.gz (${run.stored.toLocaleString('en')} articles) | Target |`,
    '|---|---:|---|',
    `| Bulk import through the options page (articles/s, whole run) | ${run.articlesPerSecond.toFixed(0)} | ≥ 500 |`,
    `| … steady, 10–30% of the file | ${run.steadyArticlesPerSecond.toFixed(0)} |  |`,
    `| Service worker JS heap, peak | ${mb(run.workerHeapPeak)} | bounded |`,
    `| Options page JS heap, peak (main thread) | ${mb(run.pageHeapPeak)} | bounded |`,
    `| Worker stopped at a third: import went on after | ${run.workerStopRecoverySeconds.toFixed(1)} s |  |`,
    `| Page closed at two thirds, file chosen again: next batch after "Continue import" | ${run.resumeSeconds.toFixed(1)} s (resumed at ${(run.resumedAtFraction * 100).toFixed(0)}% of the file) |  |`,
    `| Records read again after the interruptions (recognised, not stored twice) / problems | ${run.duplicates} / ${run.problems} |  |`,
    `| CPU time of the browser's processes per 1,000 articles (all threads) | ${run.cpuSecondsPerThousand.toFixed(2)} s |  |`,
    `| … by thread (workers: the reader and extractors; page: the extension process's main thread) | ${rolesLine(run.cpuSecondsPerThousandByRole)} |  |`,
    ...Object.entries(run.cpuSecondsPerThousandByThread).map(
      ([role, threads]) => `| … ${role}, busiest threads | ${threads.map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`).join(', ')} |  |`,
    ),
    `| Bytes written by the browser process per 1,000 articles (/proc wchar: IndexedDB's files, mostly) | ${mb(run.browserWrittenBytesPerThousand)} |  |`,
    `| … upper bound that CPU cost allows on ${run.cores} idle cores (${run.cores} × 1,000 / CPU s per 1,000) | ${((run.cores * 1000) / run.cpuSecondsPerThousand).toFixed(0)} |  |`,
    `| Machine load average during the run (${run.cores} cores) | ${run.meanLoad.toFixed(1)} |  |`,
    `| Under the progress bar at 20% of the file | ${run.paceAtFifth || '(nothing)'} |  |`,
    ...run.timeLeftChecks.map(
      (check) => `| … at ${(check.fraction * 100).toFixed(0)}% (the continued run), and the time the import then took | ${check.shown || '(nothing)'}; it took ${check.secondsTaken.toFixed(0)} s |  |`,
    ),
    `| … when done | ${run.finishedPace || '(nothing)'} |  |`,
    `| In the last 1% of the file until done (its last batches, the settle): first answers, full checks; median and slowest | ${answersLine(run.answersAtEnd.firstAnswerMs)}; ${answersLine(run.answersAtEnd.fullCheckMs)} |  |`,
    ...run.fifths.map(
      (fifth) =>
        `| … up to ${(fifth.upTo * 100).toFixed(0)}% of the file: articles/s; CPU per 1,000 by thread; written per 1,000; a first answer and a full check at its end | ${fifth.articlesPerSecond.toFixed(0)}; ${rolesLine(fifth.cpuSecondsPerThousandByRole, 0.05)}; ${mb(fifth.browserWrittenBytesPerThousand)}; ${Number.isNaN(fifth.firstAnswerMs) ? 'done' : `${fifth.firstAnswerMs.toFixed(0)} ms, ${fifth.fullCheckMs.toFixed(0)} ms`} |  |`,
    ),
  ];
}
