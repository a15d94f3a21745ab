// @vitest-environment jsdom
/**
 * The popup's renderers given a report whose every string is hostile: page title, byline, site, stored records'
 * titles, sites and addresses, drift wording, evidence, passage selection. Everything must arrive as text; an
 * address that is not http(s) must never become a link.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PassageReport } from '../../../lib/engine.ts';
import { displayOps } from '../../../lib/text/word-ops.ts';
import type { Comparison, DriftItem, Match, Report } from '../../../lib/types.ts';
import { notAVersionButton, renderCorrectedSection } from '../../../extension/popup/corrections-section.ts';
import { renderDriftSection } from '../../../extension/popup/drift-section.ts';
import { renderOriginalSection } from '../../../extension/popup/original-section.ts';
import { summariseAnswer } from '../../../extension/popup/answer-summary.ts';
import { renderAnswer, renderSetAside } from '../../../extension/popup/page-summary.ts';
import { renderPassageSection } from '../../../extension/popup/passage-section.ts';
import { renderSideBySide } from '../../../extension/popup/side-by-side.ts';
import { publisherName, sourceLink } from '../../../extension/popup/version-card.ts';
import { renderSameStorySection, renderVersionsSection } from '../../../extension/popup/versions-section.ts';
import { described, reasonsOf } from '../helpers/described.ts';
import { descriptionOf } from '../../../lib/wording/catalogue.ts';
import { IFRAME_PAYLOAD, IMG_PAYLOAD, JAVASCRIPT_URL, PAYLOAD_ELEMENTS, SCRIPT_PAYLOAD, SVG_PAYLOAD } from './payloads.ts';

const pageText = `Kabul fell on Sunday. He said "${IMG_PAYLOAD} the chains of slavery" today. ${SCRIPT_PAYLOAD} Later ${SVG_PAYLOAD}.`;
const sourceText = `Kabul fell on Sunday. He said "${IMG_PAYLOAD} the shackles of slavery" today. ${IFRAME_PAYLOAD} Later.`;

function span(text: string, part: string): { start: number; end: number; text: string } {
  const start = text.indexOf(part);
  return { start, end: start + part.length, text: part };
}

const quoteDrift: DriftItem = {
  kind: 'quote',
  severity: 5,
  ...described('drift_quoteAltered', { first: descriptionOf('change_became', { before: IMG_PAYLOAD, after: SCRIPT_PAYLOAD }) }),
  page: span(pageText, `"${IMG_PAYLOAD} the chains of slavery"`),
  source: { id: JAVASCRIPT_URL, ...span(sourceText, `"${IMG_PAYLOAD} the shackles of slavery"`) },
  ops: displayOps(`"${IMG_PAYLOAD} the shackles of slavery"`, `"${IMG_PAYLOAD} the chains of slavery"`),
};
const addedDrift: DriftItem = {
  kind: 'added',
  severity: 2,
  ...described('drift_captionAdded', { sentence: SVG_PAYLOAD }),
  page: span(pageText, SCRIPT_PAYLOAD),
  source: { id: JAVASCRIPT_URL, start: 0, end: 0, text: '' },
  ops: displayOps('', SCRIPT_PAYLOAD),
};

function hostileMatch(id: string, relation: Match['relation'], url: string): Match {
  return {
    id,
    relation,
    score: 0.9,
    direction: 'original',
    confidence: 0.9,
    certainty: 0.9,
    measures: { pageCoverage: 0.9, versionCoverage: 0.9, wordingKept: 0.5 },
    ...reasonsOf(
      descriptionOf('evidence_pageRepeatsGarble', { first: descriptionOf('name_garbled', { name: IMG_PAYLOAD, garbled: SCRIPT_PAYLOAD }) }),
      descriptionOf('evidence_translation', { from: SVG_PAYLOAD, to: IFRAME_PAYLOAD, page: 0.9, source: 0.9, passages: 1 }),
    ),
    passages: [],
    title: `${SCRIPT_PAYLOAD} title ${IMG_PAYLOAD}`,
    site: undefined,
    url,
    published: `2021-08-16${IMG_PAYLOAD}`,
  };
}

const comparison: Comparison = {
  sourceId: JAVASCRIPT_URL,
  passages: [],
  pairs: [
    {
      page: [0, pageText.length],
      source: [0, sourceText.length],
      ops: [
        { op: 'del', text: sourceText },
        { op: 'ins', text: pageText },
      ],
    },
    { page: null, source: [0, 10], ops: [] },
  ],
  drift: [quoteDrift, addedDrift],
  truncated: true,
};

const report: Report = {
  article: {
    text: pageText,
    title: `${IMG_PAYLOAD}${SCRIPT_PAYLOAD}`,
    byline: SVG_PAYLOAD,
    siteName: IFRAME_PAYLOAD,
    publishedTime: `${SCRIPT_PAYLOAD}`,
    url: JAVASCRIPT_URL,
  },
  matches: [
    hostileMatch(JAVASCRIPT_URL, 'rewrite', JAVASCRIPT_URL),
    hostileMatch(`${IMG_PAYLOAD}-2`, 'translation', 'data:text/html,<script>alert(1)</script>'),
    hostileMatch(`${SVG_PAYLOAD}-3`, 'same-story', ' JaVaScRiPt:alert(1)'),
    hostileMatch('vbscript-4', 'same-story', 'vbscript:msgbox(1)'),
  ],
  drift: [quoteDrift, addedDrift],
  original: JAVASCRIPT_URL,
  comparison,
  corrected: [{ id: `${IFRAME_PAYLOAD}-corrected`, title: SCRIPT_PAYLOAD, site: SVG_PAYLOAD, url: JAVASCRIPT_URL }],
};

const passage: PassageReport = {
  selection: `${IMG_PAYLOAD} the chains of slavery`,
  earliest: null,
  occurrences: [],
  drift: [quoteDrift],
  truncated: false,
};
const earliest = {
  id: JAVASCRIPT_URL,
  title: SCRIPT_PAYLOAD,
  url: JAVASCRIPT_URL,
  site: IMG_PAYLOAD,
  start: 0,
  end: 10,
  text: `${IMG_PAYLOAD} the shackles of slavery`,
  similarity: 0.8,
  drift: [],
};
passage.earliest = earliest;
passage.occurrences = [earliest, { ...earliest, id: `${SCRIPT_PAYLOAD}-b`, text: SVG_PAYLOAD, drift: [addedDrift] }];

function renderEverything(): HTMLElement {
  const root = document.createElement('main');
  root.append(
    renderAnswer(summariseAnswer(report, null), report.article),
    renderSetAside(report.article) ?? '',
    renderPassageSection({ kind: 'found', report: passage }),
    renderPassageSection({ kind: 'error', selection: SCRIPT_PAYLOAD, message: IMG_PAYLOAD }),
    renderOriginalSection(report),
    renderVersionsSection(report, JAVASCRIPT_URL, () => undefined, (match) => notAVersionButton(match, () => undefined)),
    renderSameStorySection(report, (match) => notAVersionButton(match, () => undefined))!,
    renderCorrectedSection(report, () => undefined)!,
    renderDriftSection(comparison, { name: IMG_PAYLOAD, direction: 'original' }, { onChoose: () => undefined }),
    renderSideBySide(comparison, pageText, sourceText, SCRIPT_PAYLOAD)!,
  );
  document.body.append(root);
  return root;
}

afterEach(() => {
  document.body.replaceChildren();
  delete (globalThis as { __palimpsestPwned?: unknown }).__palimpsestPwned;
});

describe('popup renderers on hostile reports', () => {
  it('create no element from the payloads and show them verbatim', () => {
    const root = renderEverything();
    expect(root.querySelectorAll(PAYLOAD_ELEMENTS)).toHaveLength(0);
    const text = root.textContent ?? '';
    for (const payload of [IMG_PAYLOAD, SCRIPT_PAYLOAD, SVG_PAYLOAD, IFRAME_PAYLOAD]) expect(text).toContain(payload);
    expect((globalThis as { __palimpsestPwned?: unknown }).__palimpsestPwned).toBeUndefined();
  });

  it('set no event-handler attribute and no markup-bearing attribute', () => {
    const root = renderEverything();
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name, `<${element.tagName.toLowerCase()} ${attribute.name}>`).not.toMatch(/^on/i);
        expect(['srcdoc', 'src', 'style'].includes(attribute.name) && /javascript:|<|>/i.test(attribute.value)).toBe(false);
      }
    }
  });

  it('link only http(s) addresses: javascript:, data: and vbscript: records get no link', () => {
    const root = renderEverything();
    const links = [...root.querySelectorAll('a')];
    for (const link of links) expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(root.querySelectorAll('[href*="javascript" i], [href^="data:" i], [href^="vbscript:" i]')).toHaveLength(0);
    // The unsafe address is still named, as text, where a title would go.
    expect(root.querySelector('[data-coverage-id] .coverage-title')?.tagName).toBe('SPAN');
  });

  it('links web addresses with no opener and no referrer', () => {
    const link = sourceLink({ url: 'https://example.org/a?q="<b>"' })!;
    expect(link.tagName).toBe('A');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('href')).toBe('https://example.org/a?q=%22%3Cb%3E%22');
    expect(sourceLink({ url: JAVASCRIPT_URL })).toBeNull();
    expect(sourceLink({ url: 'https://exa mple.org/' })).toBeNull();
  });

  it('names a publisher from the id, never from an unsafe address', () => {
    expect(publisherName({ id: 'record-7', url: JAVASCRIPT_URL })).toBe('record-7');
    expect(publisherName({ id: 'record-8', url: 'https://www.example.org/story' })).toBe('example.org');
  });

  it('put the reader’s corrections on every match and name a corrected record as text', () => {
    const marked: string[] = [];
    const root = document.createElement('main');
    root.append(
      renderVersionsSection(report, null, () => undefined, (match) => notAVersionButton(match, (request, id) => marked.push(`${request} ${id}`))),
      renderCorrectedSection(report, (request, id) => marked.push(`${request} ${id}`))!,
    );
    document.body.append(root);
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.not-a-version')];
    expect(buttons.map((button) => button.dataset.notAVersionId)).toEqual(report.matches.filter((m) => m.relation !== 'same-story').map((m) => m.id));
    buttons[0].click();
    const line = root.querySelector<HTMLElement>('[data-corrected-id]')!;
    expect(line.textContent).toBe(`You marked as not a version: ${SVG_PAYLOAD} — Undo`);
    line.querySelector<HTMLButtonElement>('button.undo-correction')!.click();
    expect(marked).toEqual([`mark-not-a-version ${buttons[0].dataset.notAVersionId}`, `undo-not-a-version ${IFRAME_PAYLOAD}-corrected`]);
    expect(root.querySelectorAll(PAYLOAD_ELEMENTS)).toHaveLength(0);
  });
});
