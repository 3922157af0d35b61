/* window.sosFilters: what a filtered address (?q=&offer=&lang=&access=&open=1) asks for, as a state
   {q, open, offer: [], lang: [], access: []}, and whether a place matches it, so the directory
   (finder.js) and the map (map-filters.js) decide alike. Pure functions, no page access.
   matches(facts, state, typed, isOpen, searched): facts holds offers, langs and access as keys
   separated by spaces (a list item's dataset, a marker's options); isOpen() and searched() (from
   searchable()) are asked only when "open now" is chosen or words were typed. */
(function () {
  "use strict";
  var GROUPS = ["offer", "lang", "access"];

  // Letter case, accents, Arabic vowel marks and the kind of digits do not matter when searching; nor does
  // writing yeh and kaf the Persian or the Arabic way (عربی finds عربي).
  function fold(text) {
    return String(text).normalize("NFKD")
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, "")
      .replace(/[\u06cc\u0649]/g, "\u064a").replace(/\u06a9/g, "\u0643")
      .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, function (digit) {
        return String(digit.charCodeAt(0) & 0xf);
      })
      .toLowerCase().replace(/\s+/g, " ");
  }

  function words(query) {
    return fold(query).split(" ").filter(Boolean);
  }

  function searchable(text, offers) {
    var folded = fold(text + " " + (offers || "").replace(/-/g, " "));
    return { text: folded, compact: folded.replace(/ /g, "") };  // "po13aa" finds PO1 3AA
  }

  function fromQuery(search) {
    var params = new URLSearchParams(search);
    var state = { q: (params.get("q") || "").trim(), open: params.get("open") === "1" };
    GROUPS.forEach(function (group) {
      state[group] = params.getAll(group);
    });
    return state;
  }

  function toQuery(state) {
    var params = new URLSearchParams();
    if (state.q) {
      params.set("q", state.q);
    }
    GROUPS.forEach(function (group) {
      state[group].forEach(function (value) {
        params.append(group, value);
      });
    });
    if (state.open) {
      params.set("open", "1");
    }
    return params.toString();
  }

  function isFiltered(state) {
    return Boolean(toQuery(state));
  }

  function has(listed, value) {
    return (" " + (listed || "") + " ").indexOf(" " + value + " ") >= 0;
  }

  // Offers and access features: a place must have every one chosen. Languages: any one chosen will do.
  function matches(facts, state, typed, isOpen, searched) {
    var all = function (group, field) {
      return state[group].every(function (value) {
        return has(facts[field], value);
      });
    };
    if (!all("offer", "offers") || !all("access", "access")) {
      return false;
    }
    if (state.lang.length && !state.lang.some(function (code) { return has(facts.langs, code); })) {
      return false;
    }
    if (state.open && isOpen() !== true) {
      return false;
    }
    if (!typed.length) {
      return true;
    }
    var found = searched();
    return typed.every(function (word) {
      return found.text.indexOf(word) >= 0 || found.compact.indexOf(word) >= 0;
    });
  }

  window.sosFilters = {
    GROUPS: GROUPS, fromQuery: fromQuery, toQuery: toQuery, isFiltered: isFiltered,
    fold: fold, words: words, searchable: searchable, matches: matches,
  };
})();
