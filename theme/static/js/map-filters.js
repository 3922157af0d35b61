/* The map with the directory's filters in its address (?offer=&lang=&access=&open=1&q=): show only the
   places that match, on the map and in the list under it, and say how many and which filters, with
   links to every place and to the list with the same filters. Fetched by js/map.js, after
   js/filters.js (which decides, as on the directory), only when the address holds filters.
   window.sosMapFilters(map, layer) starts it, once the details file has given every place (js/map-places.js's
   layer) what the filters choose by. */
(function () {
  "use strict";

  var speak = window.sosWords;
  var number = speak.number;

  // Offers must all be there ("and"), any one of the languages will do ("or"), in the page's language.
  function choices(keys, names, type) {
    return speak.list(keys.map(function (key) {
      return names[key] || key;
    }), type);
  }

  window.sosMapFilters = function (map, layer) {
    var filters = window.sosFilters;
    var fill = speak.fill;
    var box = document.querySelector("[data-map-filter]");
    var statusLine = box && box.querySelector("[data-map-filter-status]");
    var list = document.querySelector("[data-map-list]");
    var items = list ? Array.prototype.slice.call(list.children) : [];
    // The links to the list carry the same filters.
    var links = Array.prototype.map.call(document.querySelectorAll("[data-map-list-link], [data-map-change-filters]"),
      function (link) {
        return { element: link, href: link.getAttribute("href") };
      });
    // Names by group and key, from the page; without them (the tests' small theme) keys stand for themselves.
    var names = { offer: {}, lang: {}, access: {}, kind: {} };
    var given = document.querySelector("template[data-map-names]");
    Array.prototype.forEach.call(given ? given.content.querySelectorAll("[data-name]") : [], function (name) {
      var key = name.getAttribute("data-name").split(" ");
      if (names[key[0]]) {
        names[key[0]][key[1]] = name.textContent;
      }
    });
    var places = layer.places();
    var hours = {};  // by slug: an element js/open-now.js reads, made once
    var found = {};  // by slug: the words a search looks in, made once

    // A place's open-now schedule, as js/open-now.js reads it: data attributes on an element of its own.
    function isOpen(place) {
      var opening = place.open;
      if (!opening) {
        return false;
      }
      if (!hours[place.slug]) {
        var element = hours[place.slug] = document.createElement("span");
        element.setAttribute("data-open-status", "");
        element.setAttribute("data-open-from", opening.from);
        element.setAttribute("data-open-days", String(opening.days));
        element.setAttribute("data-open-hours", opening.hours);
      }
      return window.sosOpenNow.isOpen(hours[place.slug]);
    }

    // Found by its name and address, and by its kind and offers in the reader's language, as on the directory.
    function searched(place) {
      if (!found[place.slug]) {
        var words = [place.name || "", place.address || "", names.kind[place.kind] || ""];
        (place.offers || "").split(" ").forEach(function (key) {
          words.push(names.offer[key] || "");
        });
        found[place.slug] = filters.searchable(words.join(" "), place.offers);
      }
      return found[place.slug];
    }

    function read() {
      var state = filters.fromQuery(window.location.search);
      // Without js/open-now.js (no place has known hours) nothing can be said to be open: ask for nothing.
      if (!window.sosOpenNow) {
        state.open = false;
      }
      return state;
    }

    function apply(state) {
      var typed = filters.words(state.q);
      var shown = {};
      var matching = places.filter(function (place) {
        var ok = filters.matches(place, state, typed, function () {
          return isOpen(place);
        }, function () {
          return searched(place);
        });
        shown[place.slug] = ok;
        return ok;
      });
      var count = matching.length;
      // The clusters are made again from the places shown, only when they change.
      var before = layer.shownPlaces();
      if (matching.length !== before.length || matching.some(function (place, index) {
        return before[index] !== place;
      })) {
        layer.setPlaces(matching);
      }
      var filtered = filters.isFiltered(state);
      items.forEach(function (item) {
        item.hidden = filtered && !shown[item.dataset.slug];
      });
      var search = filters.toQuery(state);
      links.forEach(function (link) {
        link.element.setAttribute("href", link.href + (search ? "?" + search : ""));
      });
      if (!box || !statusLine) {
        return;
      }
      box.hidden = !filtered;
      var words = box.dataset;
      var sentences = [fill(words.shown, { shown: number(count), total: number(places.length) })];
      [["offer", "conjunction"], ["lang", "disjunction"], ["access", "conjunction"]].forEach(function (pair) {
        var keys = state[pair[0]];
        if (keys.length) {
          sentences.push(fill(words[pair[0]], { choices: choices(keys, names[pair[0]] || {}, pair[1]) }));
        }
      });
      if (state.open) {
        sentences.push(words.open);
      }
      if (state.q) {
        sentences.push(fill(words.q, { words: state.q }));
      }
      if (!count) {
        sentences.push(words.empty);
      }
      statusLine.textContent = sentences.join(" ");
    }

    var state = read();
    apply(state);
    // "Show all" without reloading the page; Back brings the filters back.
    var showAll = box && box.querySelector("[data-map-show-all]");
    if (showAll && window.history.pushState) {
      showAll.addEventListener("click", function (event) {
        event.preventDefault();
        window.history.pushState(null, "", window.location.pathname + window.location.hash);
        state = read();
        apply(state);
      });
    }
    window.addEventListener("popstate", function () {
      state = read();
      apply(state);
    });
    // What is open changes with the clock: an "open now" map is worked out again every minute.
    window.setInterval(function () {
      if (state.open) {
        apply(state);
      }
    }, 60000);
  };
})();
