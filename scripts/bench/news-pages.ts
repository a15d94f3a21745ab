/**
 * News pages as a crawler archives them, for the bulk-import benchmark: a head full of metadata, inline scripts and
 * styles, a navigation bar, an article of 6–16 paragraphs with a byline, a photo and its caption, a related-links box
 * and a newsletter prompt inside it, a "more news" rail and a footer. About 45–75 KB of HTML a page, as on real news
 * sites (Common Crawl's CC-NEWS pages are of that order). The text is drawn from a seeded vocabulary, so every page
 * is distinct and every run writes the same pages.
 */
import { mulberry32, randomInt, seedOf } from './random.ts';

export interface NewsPage {
  url: string;
  /** When the crawler fetched it (WARC-Date). */
  date: string;
  html: string;
  /** The article's paragraphs as the page shows them. */
  paragraphs: string[];
  title: string;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'an', 'sel', 'vor', 'du', 'ri', 'pen', 'tal', 'os', 'mar', 'ben', 'sti', 'gar', 'ul', 'fen', 'dro', 'nis', 'ca', 'por', 'lem', 'vi', 'ast', 'ron', 'el', 'qui', 'sar', 'to'];
const FUNCTION_WORDS = ['the', 'of', 'and', 'to', 'in', 'a', 'on', 'for', 'that', 'with', 'said', 'was', 'by', 'its', 'from', 'at', 'as', 'after', 'would', 'will', 'have', 'which', 'their', 'has', 'been'];
const SECTIONS = ['World', 'Politics', 'Business', 'Markets', 'Technology', 'Science', 'Health', 'Climate', 'Sport', 'Culture', 'Opinion', 'Europe', 'Asia', 'Africa', 'Americas', 'Middle East'];
const SITES = ['The Morning Ledger', 'Harbour Times', 'Northern Dispatch', 'Capital Courier', 'Eastern Wire', 'The Valley Post', 'Metro Gazette', 'Coastal Herald'];

/** 6,000 made-up content words: enough that stories share few word pairs by chance. */
function vocabulary(): string[] {
  const random = mulberry32(seedOf('news-pages', 'vocabulary'));
  const words = new Set<string>();
  while (words.size < 6000) {
    const syllables = randomInt(random, 2, 4);
    let word = '';
    for (let i = 0; i < syllables; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

const WORDS = vocabulary();

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function sentence(random: () => number): string {
  const length = randomInt(random, 12, 28);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    const roll = random();
    if (roll < 0.42) words.push(pick(random, FUNCTION_WORDS));
    else if (roll < 0.47) words.push(String(randomInt(random, 2, 9800)));
    else if (roll < 0.53) words.push(capitalised(pick(random, WORDS)));
    else words.push(pick(random, WORDS));
    if (i > 3 && i < length - 3 && random() < 0.08) words[words.length - 1] += ',';
  }
  return `${capitalised(words.join(' '))}.`;
}

function paragraph(random: () => number): string {
  const sentences: string[] = [];
  for (let i = randomInt(random, 2, 4); i > 0; i--) sentences.push(sentence(random));
  return sentences.join(' ');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Minified-looking script: what analytics and ad code put in a page's head. */
function inlineScript(random: () => number, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const name = pick(random, WORDS);
    const part = `var ${name}${randomInt(random, 0, 999)}=function(e,t){return e&&t?e["${pick(random, WORDS)}"]+t.${pick(random, WORDS)}(${randomInt(random, 0, 99)}):null};`;
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

function links(random: () => number, count: number, origin: string, className: string): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const words = `${capitalised(pick(random, WORDS))} ${pick(random, WORDS)} ${pick(random, WORDS)}`;
    items.push(`<li class="${className}-item"><a href="${origin}/${pick(random, SECTIONS).toLowerCase().replace(/ /g, '-')}/${pick(random, WORDS)}-${randomInt(random, 1000, 99999)}">${words}</a></li>`);
  }
  return items.join('');
}

/** The `index`-th page of the crawl (deterministic). */
export function newsPage(index: number, crawlStart = Date.UTC(2026, 0, 1)): NewsPage {
  const random = mulberry32(seedOf('news-page', index));
  const site = SITES[index % SITES.length];
  const host = `www.${site.toLowerCase().replace(/^the /, '').replace(/ /g, '')}.example`;
  const origin = `https://${host}`;
  const section = pick(random, SECTIONS);
  const title = `${capitalised(pick(random, WORDS))} ${pick(random, WORDS)} ${pick(random, FUNCTION_WORDS)} ${pick(random, WORDS)} ${pick(random, WORDS)} after ${pick(random, WORDS)} ${pick(random, WORDS)}`;
  const slug = title.toLowerCase().replace(/[^a-z]+/g, '-').slice(0, 60);
  const url = `${origin}/${section.toLowerCase().replace(/ /g, '-')}/${slug}-${index}`;
  const fetched = new Date(crawlStart + index * 37_000);
  const published = new Date(fetched.getTime() - randomInt(random, 5, 600) * 60_000);
  const author = `${capitalised(pick(random, WORDS))} ${capitalised(pick(random, WORDS))}`;
  const paragraphs: string[] = [];
  for (let i = randomInt(random, 6, 16); i > 0; i--) paragraphs.push(paragraph(random));
  const middle = Math.floor(paragraphs.length / 2);
  const body = paragraphs.map((text, i) => {
    const aside =
      i === middle
        ? `<aside class="related-box"><h3>Related</h3><ul>${links(random, 4, origin, 'related')}</ul></aside><div class="newsletter"><p>Get the morning briefing in your inbox. Sign up for our newsletter.</p><form><input type="email" placeholder="Email"><button>Sign up</button></form></div>`
        : '';
    return `<p>${escapeHtml(text)}</p>${aside}`;
  });
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: title,
    datePublished: published.toISOString(),
    author: { '@type': 'Person', name: author },
    publisher: { '@type': 'Organization', name: site },
    mainEntityOfPage: url,
  });
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(title)} | ${escapeHtml(site)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${escapeHtml(paragraphs[0].slice(0, 150))}">
<link rel="canonical" href="${url}">
<meta property="og:type" content="article"><meta property="og:title" content="${escapeHtml(title)}"><meta property="og:site_name" content="${escapeHtml(site)}"><meta property="og:url" content="${url}">
<meta property="og:image" content="${origin}/img/${index}.jpg"><meta property="article:published_time" content="${published.toISOString()}"><meta property="article:section" content="${section}">
<link rel="alternate" type="application/rss+xml" title="${escapeHtml(site)} — ${section}" href="${origin}/rss/${section.toLowerCase().replace(/ /g, '-')}.xml">
<link rel="stylesheet" href="${origin}/static/site.css">
<script type="application/ld+json">${jsonLd}</script>
<script>${inlineScript(random, randomInt(random, 14_000, 26_000))}</script>
<style>${'.c{margin:0;padding:0}'.repeat(randomInt(random, 80, 160))}</style>
</head><body class="article-page">
<header class="site-header"><a class="logo" href="${origin}/">${escapeHtml(site)}</a>
<nav class="main-nav"><ul>${SECTIONS.map((name) => `<li><a href="${origin}/${name.toLowerCase().replace(/ /g, '-')}">${name}</a></li>`).join('')}</ul></nav>
<form class="search" action="${origin}/search"><input name="q" placeholder="Search"><button>Search</button></form></header>
<div class="ad-slot" id="ad-top"><script>${inlineScript(random, 1500)}</script></div>
<main id="main"><article class="story">
<p class="kicker"><a href="${origin}/${section.toLowerCase().replace(/ /g, '-')}">${section}</a></p>
<h1 class="headline">${escapeHtml(title)}</h1>
<p class="byline">By <a rel="author" href="${origin}/authors/${index % 97}">${escapeHtml(author)}</a> · <time datetime="${published.toISOString()}">${published.toUTCString()}</time></p>
<figure class="lead-image"><img src="${origin}/img/${index}.jpg" alt="${escapeHtml(pick(random, WORDS))}" width="1200" height="800"><figcaption>${escapeHtml(sentence(random))} Photo: ${escapeHtml(author)}</figcaption></figure>
<div class="story-body">${body.join('\n')}</div>
<div class="share"><a href="#">Share on social media</a> <a href="#">Email</a> <a href="#">Print</a></div>
</article>
<section class="more-news"><h2>More news</h2><ul>${links(random, randomInt(random, 16, 28), origin, 'more')}</ul></section>
</main>
<footer class="site-footer"><ul>${links(random, randomInt(random, 30, 45), origin, 'footer')}</ul><p>© 2026 ${escapeHtml(site)}. All rights reserved.</p></footer>
<script>${inlineScript(random, randomInt(random, 6_000, 14_000))}</script>
</body></html>`;
  return { url, date: fetched.toISOString(), html, paragraphs, title };
}
