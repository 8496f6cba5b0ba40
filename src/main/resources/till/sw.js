// The till's service worker (served at /till/sw.js with Service-Worker-Allowed: /till, scope /till).
// It keeps the till's shell (its last page, CSS, scripts) so that a reload while the network is down
// still shows the till with its queue of purchases; the queue itself lives in IndexedDB
// (till-offline.js). Always the network first: a till must show today's figures whenever it can, and
// the cache only stands in when the network fails.
"use strict";

const CACHE = "kopilka-till-v1";
// What every till page loads; fetched again at each install so a new version of the app comes with it.
const SHELL = [
  "/assets/console.css",
  "/assets/till-offline.css",
  "/assets/console.js",
  "/assets/scan.js",
  "/assets/till-offline.js",
  "/assets/till-items.js",
  "/assets/till-icon.svg",
  "/webjars/htmx.org/dist/htmx.min.js"
];

self.addEventListener("install", (event) => {
  // One missing file must not stop the worker: the others still make the till usable offline.
  event.waitUntil(caches.open(CACHE)
    .then((cache) => Promise.allSettled(SHELL.map((url) => cache.add(url)).concat(keepTillPage(cache))))
    .then(() => self.skipWaiting()));
});

// The till's page itself, so that it opens offline even if the network drops before the next visit.
// Not cache.add: a signed-out browser is redirected to the sign-in page, which must not be kept as the till.
function keepTillPage(cache) {
  const till = new URL("/till", self.location.href).href;
  return fetch(till, {credentials: "same-origin"}).then((answer) => {
    if (answer.ok && !answer.redirected) {
      return cache.put(till, answer);
    }
    return undefined;
  });
}

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener("message", (event) => {
  // Signing out forgets the pages kept for offline use: the next person on this device sees none of them.
  if (event.data === "forget-pages") {
    event.waitUntil(caches.delete(CACHE));
  }
});

// A page is kept under its path alone, so a till keeps one copy of each page, not one per look-up.
function pageKey(url) {
  return new URL(url).origin + new URL(url).pathname;
}

async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const answer = await fetch(request);
    // Only a real page of the till: never a redirect to the sign-in page, never an error page.
    if (answer.ok && answer.type === "basic" && !answer.redirected) {
      await cache.put(pageKey(request.url), answer.clone());
    }
    return answer;
  } catch (networkDown) {
    const kept = await cache.match(pageKey(request.url)) || await cache.match(new URL("/till", request.url).href);
    if (kept) {
      return kept;
    }
    throw networkDown;
  }
}

async function file(request) {
  const cache = await caches.open(CACHE);
  try {
    const answer = await fetch(request);
    if (answer.ok && answer.type === "basic") {
      await cache.put(request, answer.clone());
    }
    return answer;
  } catch (networkDown) {
    const kept = await cache.match(request, {ignoreSearch: true});
    if (kept) {
      return kept;
    }
    throw networkDown;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Writes and other sites go straight to the network: a purchase is queued by the page, not here.
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(page(request));
  } else if (url.pathname.startsWith("/assets/") || url.pathname.startsWith("/webjars/")
      || url.pathname.startsWith("/vendor/")) {
    event.respondWith(file(request));
  }
  // Everything else (htmx's partial answers: a member's card, a quote) is live data: no copy is kept.
});
