/* Keep this language's list on the phone for reading with no signal (the service worker, docs/offline.md),
   and say when the page shown is the kept copy, with the date this phone saved it. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !window.caches || !window.Promise) return;

  // The copy on screen came from the phone's cache: Chromium says so; elsewhere, it was saved before this page
  // began to load (Date's clock on both sides: the worker dates what it keeps with Date.now()).
  function fromCache(saved) {
    var entry = performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
    if (entry && typeof entry.deliveryType === "string") return entry.deliveryType === "cache-storage";
    return saved < Date.now() - performance.now();
  }

  function showSaved() {
    var note = document.querySelector("[data-saved-note]");
    if (!note) return;
    var address = location.href.split("#")[0].split("?")[0].replace(/index\.html$/, "");
    caches.match(address, {ignoreSearch: true}).then(function (response) {
      var saved = response && Number(response.headers.get("x-sos-saved"));
      note.setAttribute("data-saved-checked", "");
      if (!saved || !fromCache(saved)) return;
      var date;
      try {
        date = new Intl.DateTimeFormat(note.getAttribute("data-locale"), {day: "numeric", month: "long", year: "numeric"});
      } catch (error) {
        date = new Intl.DateTimeFormat(undefined, {day: "numeric", month: "long", year: "numeric"});
      }
      note.textContent = note.getAttribute("data-words").replace("{date}", date.format(new Date(saved)));
      note.hidden = false;
    })["catch"](function () {});
  }

  function register() {
    navigator.serviceWorker.register(script.getAttribute("data-worker")).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      // Theme files this page used, so the worker also keeps the fonts of this language (and only those).
      var used = performance.getEntriesByType("resource").map(function (entry) { return entry.name; });
      registration.active.postMessage({keep: location.href, used: used});
    })["catch"](function () {});
  }

  // Once the page has loaded and the phone is idle: keeping the list for later never slows the page the reader
  // is waiting for.
  function registerWhenIdle() {
    if (window.requestIdleCallback) window.requestIdleCallback(register, {timeout: 5000});
    else setTimeout(register, 1000);
  }

  showSaved();
  if (document.readyState === "complete") registerWhenIdle();
  else window.addEventListener("load", registerWhenIdle);
}());
