// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderFirstLook } from '../../../extension/popup/first-look-section.ts';

const hostile = '<img src=x onerror="alert(1)">';

describe('the popup first look', () => {
  it('names each close version with its publisher, date and shared wording, as text', () => {
    const section = renderFirstLook([
      { id: 'seed-001', title: hostile, site: 'The Week', published: '2021-08-16', url: 'javascript:alert(1)', containment: 0.564 },
    ]);
    expect(section.querySelector('h1')?.textContent).toBe('A close version is in your corpus');
    const card = section.querySelector('[data-source-id="seed-001"]')!;
    expect(card.querySelector('.publisher')?.textContent).toBe('The Week');
    expect(card.querySelector('.source-title')?.textContent).toBe(hostile);
    expect(card.querySelector('img')).toBeNull();
    expect(card.querySelector('a'), 'no link for an unsafe address').toBeNull();
    expect(card.textContent).toContain('Shares 56% of its wording with this page.');
  });

  it('counts several versions in its heading', () => {
    const section = renderFirstLook([
      { id: 'a', containment: 0.9 },
      { id: 'b', containment: 0.4 },
    ]);
    expect(section.querySelector('h1')?.textContent).toBe('2 close versions are in your corpus');
    expect(section.querySelectorAll('li')).toHaveLength(2);
  });
});
