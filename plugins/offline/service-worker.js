/* The service worker of Spaces of Sanctuary: keeps the list in the reader's language for reading with no signal.
   plugins/offline writes it to the site's root with OFFLINE, this build's precache manifest, on its first line.
   See docs/offline.md. */
/* global OFFLINE */
"use strict";

var PREFIX = "sos-offline-";
var CURRENT = PREFIX + OFFLINE.version + "-";
var ASSETS = CURRENT + "assets";
var SAVED = "x-sos-saved"; // when this phone saved the page (milliseconds since 1970), read by js/offline.js
var REVISION = "x-sos-revision";
var ROOT = new URL("./", self.location).href; // the site's root: this file's folder, a sub-path included

function address(path) {
  return new URL(path, ROOT).href;
}

// A page's address relative to the site's root, without its query or index.html; null outside the site.
function sitePath(href) {
  var url = new URL(href);
  url.search = "";
  url.hash = "";
  var path = url.href.replace(/index\.html$/, "");
  return path.indexOf(ROOT) === 0 ? path.slice(ROOT.length) : null;
}

function languageOf(path) {
  var found = OFFLINE["default"];
  Object.keys(OFFLINE.languages).forEach(function (code) {
    var prefix = OFFLINE.languages[code];
    if (prefix && path.indexOf(prefix) === 0) found = code;
  });
  return found;
}

function languageCache(code) {
  return CURRENT + code;
}

// Whether a page is one this worker keeps: a language's home, directory and urgent help, or a shown venue's page.
function keepsPage(path) {
  var rest = path.slice(OFFLINE.languages[languageOf(path)].length);
  if (OFFLINE.pages.indexOf(rest) >= 0) return true;
  return OFFLINE.venues.some(function (slug) {
    return rest === OFFLINE.venuePage.replace("{slug}", slug);
  });
}

function isAsset(path) {
  return OFFLINE.assets.indexOf(path) >= 0 || OFFLINE.onDemand.some(function (pattern) {
    return path.indexOf(pattern.replace(/\*.*$/, "")) === 0;
  });
}

// The revision of a body: the first 16 hex digits of its SHA-256, as the build writes them.
async function revisionOf(body) {
  var hash = new Uint8Array(await crypto.subtle.digest("SHA-256", await body.arrayBuffer()));
  return Array.prototype.map.call(hash, function (byte) { return (byte < 16 ? "0" : "") + byte.toString(16); })
    .join("").slice(0, 16);
}

// A copy to keep: the body as it is, dated now on this phone, with the revision of the bytes themselves (not
// the manifest's word for them); no compression or redirect marks.
async function stamped(response, path) {
  var headers = new Headers(response.headers);
  var body = await response.blob();
  headers["delete"]("content-encoding");
  headers["delete"]("content-length");
  headers.set(SAVED, String(Date.now()));
  if (OFFLINE.revisions[path]) headers.set(REVISION, await revisionOf(body));
  return new Response(body, {status: response.status, statusText: response.statusText, headers: headers});
}

// Keep a file: a copy of this revision from an older cache, else the browser's own copy if it is this build's
// (the page has just downloaded most of these: no second download), else the network.
async function keep(cache, path, shown) {
  var href = address(path);
  var rev = OFFLINE.revisions[path];
  var old = rev && await caches.match(href);
  if (old && old.headers.get(REVISION) === rev) {
    await cache.put(href, await stamped(old, path));
    return;
  }
  var response = await fetch(href);
  // A file with a revision is checked against it; a venue page is taken from the browser only when it is the
  // page on screen, whatever build that came from (the reader sees the same words kept).
  if (!response.ok || (rev ? await revisionOf(response.clone()) !== rev : !shown)) {
    response = await fetch(href, {cache: "reload"}); // past the browser's cache, which may hold the last build's copy
  }
  if (response.ok) await cache.put(href, await stamped(response, path));
}

async function keepMissing(cacheName, paths, shown) {
  var cache = await caches.open(cacheName);
  await Promise.all(paths.map(async function (path) {
    if (!await cache.match(address(path))) await keep(cache, path, path === shown).catch(function () {});
  }));
}

// Everything a reader of one language needs with no signal, plus the page they are on.
function keepLanguage(code, page) {
  var prefix = OFFLINE.languages[code];
  var pages = OFFLINE.pages.map(function (path) { return prefix + path; }).filter(function (path) {
    return OFFLINE.revisions[path];
  });
  if (page !== null && keepsPage(page) && pages.indexOf(page) < 0) pages.push(page);
  return Promise.all([keepMissing(ASSETS, OFFLINE.assets, null), keepMissing(languageCache(code), pages, page)]);
}

// A new build: keep again, from the new build, what the reader kept of the last one, leaving out hidden venues.
async function renew() {
  var older = (await caches.keys()).filter(function (name) {
    return name.indexOf(PREFIX) === 0 && name.indexOf(CURRENT) !== 0;
  });
  var work = [];
  for (var i = 0; i < older.length; i++) {
    var code = older[i].slice(PREFIX.length).split("-").slice(1).join("-");
    if (!(code in OFFLINE.languages)) continue;
    var kept = (await (await caches.open(older[i])).keys()).map(function (request) {
      return sitePath(request.url);
    });
    work.push(keepLanguage(code, null));
    work.push(keepMissing(languageCache(code), kept.filter(function (path) { // the venue pages still shown
      return path !== null && keepsPage(path) && !OFFLINE.revisions[path];
    }), null));
  }
  await Promise.all(work);
}

self.addEventListener("install", function (event) {
  self.skipWaiting();
  event.waitUntil(renew());
});

self.addEventListener("activate", function (event) {
  // Only this build's caches stay: a venue hidden since the last build goes with the old ones.
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name.indexOf(CURRENT) !== 0;
    }).map(function (name) { return caches["delete"](name); }));
  }).then(function () { return self.clients.claim(); }));
});

// A page asks to be kept, with the theme files it used (fonts are kept only when a page needed them).
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (typeof data.keep !== "string") return;
  var page = sitePath(data.keep);
  if (page === null) return;
  var used = (Array.isArray(data.used) ? data.used : []).map(sitePath).filter(function (path) {
    return path !== null && isAsset(path) && OFFLINE.assets.indexOf(path) < 0;
  });
  event.waitUntil(Promise.all([keepLanguage(languageOf(page), page), keepMissing(ASSETS, used, null)]));
});

// Pages: the network first, so a reader with signal always sees today's list; the kept copy with no signal.
async function respondToPage(request) {
  var path = sitePath(request.url);
  var code = languageOf(path);
  var response;
  try {
    response = await fetch(request);
  } catch (offline) {
    var kept = await caches.match(address(path), {cacheName: languageCache(code)});
    if (kept) return kept;
    // A page that was not kept (the map needs a connection anyway): the list of this language, if kept.
    var list = address(OFFLINE.languages[code] + OFFLINE.list);
    if (await caches.match(list, {cacheName: languageCache(code)})) return Response.redirect(list, 302);
    throw offline;
  }
  if (keepsPage(path)) {
    var cache = await caches.open(languageCache(code));
    // Kept before answering, so the page's script finds today's date on it, not the last one's.
    if (response.ok) await cache.put(address(path), await stamped(response.clone(), path));
    else if (response.status === 404 || response.status === 410) await cache["delete"](address(path));
  }
  return response;
}

async function respondToAsset(request, path) {
  var cache = await caches.open(ASSETS);
  var kept = await cache.match(request.url);
  if (kept) return kept;
  var response = await fetch(request);
  if (response.ok) {
    var copy = await stamped(response.clone(), path);
    // Never keep another build's copy (the browser's cache may still hold one) under this build's name.
    var rev = OFFLINE.revisions[path];
    if (!rev || copy.headers.get(REVISION) === rev) await cache.put(request.url, copy);
  }
  return response;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var path = sitePath(request.url);
  // Anything else (map tiles, the map's data, other sites) goes to the network as if there were no worker.
  if (path === null) return;
  if (request.mode === "navigate") event.respondWith(respondToPage(request));
  else if (isAsset(path) && new URL(request.url).search === "") event.respondWith(respondToAsset(request, path));
  // A language's own file that a page loads (its words.js, in OFFLINE_PAGES): kept like that language's pages.
  else if (keepsPage(path)) event.respondWith(respondToPage(request));
});
