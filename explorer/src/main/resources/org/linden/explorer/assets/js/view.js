// Shared page pieces: rendering into the main element, and the "not found" page.

import { esc } from './format.js';

export function main() {
  return document.getElementById('app');
}

export function render(html) {
  main().innerHTML = html;
}

/** The page for anything that does not exist: never a stack trace, always a way back. */
export function notFound(what, detail) {
  document.title = 'Not found · Linden explorer';
  render(`<section class="panel notfound" data-testid="not-found">
    <h1>Not found</h1>
    <p>${esc(what)}</p>
    ${detail ? `<p class="muted">${esc(detail)}</p>` : ''}
    <p><a href="#/">Back to the latest blocks</a></p>
  </section>`);
}

/** The page for a feature this node does not serve (its namespace is off or missing). */
export function unavailable(title, detail) {
  document.title = `${title} · Linden explorer`;
  render(`<h1>${esc(title)}</h1><section class="panel" data-testid="unavailable">
    <p><b>Not available on this node.</b></p><p class="muted">${esc(detail)}</p></section>`);
}

/** The page for an error the node answered while loading a page. */
export function failed(error) {
  render(`<section class="panel notfound" data-testid="error"><h1>Could not load this page</h1>
    <p>${esc(error && error.message ? error.message : error)}</p><p><a href="#/">Back home</a></p></section>`);
}
