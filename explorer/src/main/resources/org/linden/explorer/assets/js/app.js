// The explorer's router: one page per location hash, so the node serves a single HTML file
// and links keep working when shared.

import { address } from './pages/address.js';
import { block } from './pages/block.js';
import { home } from './pages/home.js';
import { peers, validators } from './pages/network.js';
import { transaction } from './pages/tx.js';
import { routeFor } from './search.js';
import { failed, notFound, render } from './view.js';

const ROUTES = [
  [/^#?\/?$/, () => home()],
  [/^#\/block\/([^/]+)$/, (m) => block(m[1])],
  [/^#\/tx\/([^/]+)$/, (m) => transaction(m[1])],
  [/^#\/address\/([^/]+)$/, (m) => address(m[1])],
  [/^#\/validators$/, () => validators()],
  [/^#\/peers$/, () => peers()],
  [/^#\/notfound\/(.*)$/, (m) => notFound(`Nothing matches "${decodeURIComponent(m[1])}".`,
    'Search takes a block number, a block or transaction hash (0x and 64 hex digits) or an address (0x and 40 hex digits).')],
];

let cleanup = null;
let generation = 0;

async function show() {
  const mine = ++generation;
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  const hash = location.hash || '#/';
  // The old page goes at once, so nothing on screen belongs to a page being replaced.
  render('<p class="muted">Loading…</p>');
  delete document.body.dataset.ready;
  let result;
  try {
    const route = ROUTES.find(([pattern]) => pattern.test(hash));
    result = route ? await route[1](hash.match(route[0])) : notFound(`There is no page at ${hash}.`);
  } catch (e) {
    if (mine === generation) failed(e);
    return;
  }
  if (mine !== generation) {
    // The user moved on while this page loaded: stop what it started.
    if (typeof result === 'function') result();
    return;
  }
  cleanup = result;
  document.body.dataset.page = hash.split('/')[1] || 'home';
  document.body.dataset.ready = String(mine);
}

document.getElementById('search').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = document.getElementById('search-input');
  const target = await routeFor(input.value);
  input.value = '';
  if (location.hash === target) {
    show();
  } else {
    location.hash = target;
  }
});

window.addEventListener('hashchange', show);
show();
