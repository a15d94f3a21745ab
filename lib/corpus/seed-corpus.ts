/**
 * The bundled sample corpus: five reports of one story (Russia and China courting the Taliban, August 2021),
 * built from the seed texts. The seed files carry their metadata loosely (a title line, or a " date … url"
 * header line); this turns them into CorpusRecords with the metadata moved out of the text.
 */
import type { CorpusRecord } from '../types';

export interface SeedFile {
  /** File name, e.g. "001_2665c5d81ac27956.txt"; its three-digit prefix names the seed. */
  name: string;
  text: string;
}

type SeedHeader = 'title-line' | 'date-line' | 'none';

interface SeedDescription {
  header: SeedHeader;
  metadata: Omit<CorpusRecord, 'id' | 'text'>;
}

/**
 * Metadata known about each seed: the same values the fixture pages built from the seeds carry
 * (tests/fixtures/seed-00N), so a record and a capture of its page agree on url, title and dates.
 * A title-line seed takes its title from its first line.
 */
const SEEDS: Record<string, SeedDescription> = {
  '000': {
    header: 'date-line',
    metadata: {
      title: 'Russia is already tentatively approaching the Taliban after the Afghan sweep',
      site: 'World News Digest',
      url: 'https://worldnewsdigest.example/2021/08/17/russia-is-already-tentatively-approaching-the-taliban-after-the-afghan-sweep/',
      published: '2021-08-17T06:12:09Z',
      byline: 'News Desk',
      lang: 'en',
    },
  },
  '001': {
    header: 'title-line',
    metadata: {
      site: 'The Week',
      url: 'https://theweek.com/speedreads/1003830/russia-is-already-tentatively-cozying-up-to-the-taliban-after-afghan-sweep',
      published: '2021-08-16T14:42:50Z',
      byline: 'Peter Weber',
      lang: 'en',
    },
  },
  '002': {
    header: 'date-line',
    metadata: {
      title: 'China And Russia Court Taliban As Western Powers Scramble To Flee Afghanistan',
      site: 'Forbes',
      // The canonical form of the header's url, without its "?sh=" share tracker.
      url: 'https://www.forbes.com/sites/roberthart/2021/08/16/china-and-russia-court-taliban-as-western-powers-scramble-to-flee-afghanistan/',
      published: '2021-08-16T10:07:37-04:00',
      byline: 'Robert Hart',
      lang: 'en',
    },
  },
  '003': {
    header: 'none',
    metadata: {
      title: 'Afghanistan: as the West evacuates, Russia plays the conciliation card',
      site: 'Canadian News',
      url: 'https://canadiannews.example/world/afghanistan-as-the-west-evacuates-russia-plays-the-conciliation-card/',
      published: '2021-08-16T17:45:00-04:00',
      lang: 'en',
    },
  },
  '004': {
    header: 'none',
    metadata: {
      title: 'Russia and the Taliban: Moscow’s pragmatism',
      site: 'Frankfurter Allgemeine Zeitung',
      url: 'https://www.faz.net/aktuell/politik/ausland/russland-und-die-taliban-moskaus-pragmatismus-17486971.html',
      published: '2021-08-16T16:38:00+02:00',
      byline: 'Friedrich Schmidt',
      lang: 'en',
    },
  },
};

export const SEED_NUMBERS = Object.keys(SEEDS);

/** " date 2021-08-17 " or " date 2021-08-16 https://…": the capture header some seed files start with. */
const DATE_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+(\S+))?\s*$/;

function seedNumberOf(fileName: string): string | null {
  const match = /^(\d{3})_/.exec(fileName.split(/[\\/]/).pop() ?? '');
  return match ? match[1] : null;
}

export function seedRecord(file: SeedFile): CorpusRecord {
  const number = seedNumberOf(file.name);
  const description = number === null ? undefined : SEEDS[number];
  if (!description) throw new Error(`Not a known seed file: ${file.name}`);

  const { firstLine, rest } = splitFirstLine(file.text);
  const record: CorpusRecord = { id: `seed-${number}`, text: file.text.trim(), ...description.metadata };
  if (description.header === 'title-line') {
    record.title = firstLine.trim();
    record.text = rest.trim();
  } else if (description.header === 'date-line') {
    const header = DATE_LINE.exec(firstLine);
    if (!header) throw new Error(`${file.name}: expected a " date YYYY-MM-DD [url]" first line`);
    // The header's capture date must agree with the publication time given above.
    if (!record.published?.startsWith(header[1])) {
      throw new Error(`${file.name}: header date ${header[1]} disagrees with published ${record.published}`);
    }
    record.url ??= header[2];
    record.text = rest.trim();
  }
  return record;
}

/** All seeds present in `files`, ordered by seed number. */
export function buildSeedCorpus(files: SeedFile[]): CorpusRecord[] {
  return files
    .filter((file) => seedNumberOf(file.name) !== null && SEEDS[seedNumberOf(file.name)!])
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(seedRecord);
}

function splitFirstLine(text: string): { firstLine: string; rest: string } {
  const newline = text.indexOf('\n');
  if (newline === -1) return { firstLine: text, rest: '' };
  return { firstLine: text.slice(0, newline), rest: text.slice(newline + 1) };
}
