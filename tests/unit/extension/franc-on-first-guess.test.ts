/**
 * The bundled franc-min builds its trigram tables on its first guess instead of at import (wxt.config.ts): the edited
 * module must guess exactly as the published one does, and the build must stop if the text it edits ever changes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { franc, francAll } from 'franc-min';
import { francTablesOnFirstGuess } from '../../../wxt.config.ts';

const SAMPLES = [
  'The minister said on Tuesday that the new rules would take effect next year, despite objections from the opposition.',
  'Der Minister sagte am Dienstag, die neuen Regeln würden trotz der Einwände der Opposition im nächsten Jahr in Kraft treten.',
  'Le ministre a déclaré mardi que les nouvelles règles entreraient en vigueur l’année prochaine, malgré les objections.',
  'El ministro dijo el martes que las nuevas normas entrarán en vigor el próximo año, pese a las objeciones de la oposición.',
  'Министр заявил во вторник, что новые правила вступят в силу в следующем году, несмотря на возражения оппозиции.',
  'قال الوزير يوم الثلاثاء إن القواعد الجديدة ستدخل حيز التنفيذ العام المقبل رغم اعتراضات المعارضة.',
  '部长周二表示，尽管反对派提出异议，新规定将于明年生效。',
  'short',
];

const francIndex = fileURLToPath(import.meta.resolve('franc-min'));
const workDir = mkdtempSync(path.join(tmpdir(), 'franc-on-first-guess-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** franc-min's index.js as the build edits it, importing its own data and trigram-utils from where they are installed. */
async function editedFranc(): Promise<{ franc: typeof franc; francAll: typeof francAll }> {
  const edited = francTablesOnFirstGuess.transform(readFileSync(francIndex, 'utf8'), francIndex);
  if (!edited) throw new Error('the transform left franc-min/index.js alone');
  const beside = (file: string) => pathToFileURL(path.join(path.dirname(francIndex), file)).href;
  const code = edited.code
    .replace("'./expressions.js'", JSON.stringify(beside('expressions.js')))
    .replace("'./data.js'", JSON.stringify(beside('data.js')))
    .replace("'trigram-utils'", JSON.stringify(import.meta.resolve('trigram-utils', pathToFileURL(francIndex).href)));
  const file = path.join(workDir, 'index.mjs');
  writeFileSync(file, code);
  // The test's own edited copy of franc-min, written just above: no outside input reaches this import.
  // eslint-disable-next-line no-unsanitized/method
  return import(pathToFileURL(file).href);
}

describe('franc-min with its tables built on the first guess', () => {
  it('guesses every sample as the published module does, the first guess included', async () => {
    const lazy = await editedFranc();
    for (const sample of SAMPLES) {
      expect(lazy.franc(sample, { minLength: 20 })).toBe(franc(sample, { minLength: 20 }));
      expect(lazy.francAll(sample)).toEqual(francAll(sample));
    }
  });

  it('stops the build when the text it edits is not there', () => {
    expect(() => francTablesOnFirstGuess.transform('export function francAll(value, options = {}) {}', francIndex)).toThrow(/franc-min\/index.js changed/);
  });

  it('leaves every other module alone', () => {
    expect(francTablesOnFirstGuess.transform('const numericData = {}', '/x/node_modules/other/index.js')).toBeNull();
  });
});
