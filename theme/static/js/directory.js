/* The directory's finder: search, filters and sorting by distance, all done on the phone. Loaded
   (deferred) on the directory only. Without it the whole list shows and the offer and language
   pages filter it. The filters live in the address (?offer=&lang=&access=&open=1), so a list can
   be shared and Back undoes a choice. Search words (which may be a postcode), a position or a postcode
   never go into the address: Back finds the words in the page's history entry, which stays on the phone. What a
   filter matches is decided by js/filters.js, loaded before it, which the map shares.
   Results stay in view: a search sent, a sort done or "Show the places found" (which follows the ticked boxes'
   count at the bottom of the open panel) brings the list's status line to the top of the screen, and the line
   (role=status) says how many places show. When none does, it says which choice to drop and what that gives. */
(function () {
  "use strict";
  var list = document.querySelector("[data-venue-list]");
  var form = document.querySelector("[data-finder]");
  var result = document.querySelector("[data-finder-result]");
  var filters = window.sosFilters;
  var speak = window.sosWords;
  if (!list || !form || !result || !filters || !speak || !window.URLSearchParams || !window.history.pushState) {
    return;
  }
  var panel = document.querySelector("[data-finder-panel]");
  var near = document.querySelector("[data-near-me]");
  var statusLine = result.querySelector("[data-finder-status]");
  var empty = result.querySelector("[data-finder-empty]");
  var suggestionList = result.querySelector("[data-finder-suggestions]");
  var nextOpen = result.querySelector("[data-finder-next-open]");
  var show = document.querySelector("[data-finder-show]");
  var showButton = show && show.querySelector("[data-finder-show-button]");
  var acted = false;  // the status line speaks once the reader has done something, not on arrival
  var clear = form.querySelector("[data-finder-clear]");
  var mapLink = document.querySelector("[data-map-link]");
  var mapHref = mapLink && mapLink.getAttribute("href");
  var items = Array.prototype.slice.call(list.children);
  var byName = items.slice();
  var sortSentence = "";
  var fold = filters.fold;
  var fill = speak.fill;
  var number = speak.number;
  var query = filters.toQuery;
  var isFiltered = filters.isFiltered;
  var extraWords = {};
  try {
    extraWords = JSON.parse(list.dataset.words || "{}");
  } catch (error) {
    extraWords = {};
  }

  form.hidden = false;
  if (near) {
    near.hidden = false;
  }
  if (show) {
    show.hidden = false;
  }
  var noScript = document.querySelector("[data-finder-no-script]");
  if (noScript) {
    noScript.hidden = true;
  }

  // "3 places", in the reader's language's plural forms (js/i18n.js).
  var placesWords = {};
  try {
    placesWords = JSON.parse(result.dataset.places || "{}");
  } catch (error) {
    placesWords = {};
  }
  var placesText = speak.plural(placesWords);

  // Search: every word typed must appear in a place's card (its name, street, postcode, kind and offers,
  // in the reader's language), in its offers' keys, or in what the list says besides of its kind, offers
  // (in English) and languages (named in themselves, in the reader's language and in English); letter
  // case, accents and Arabic vowel marks ignored.
  // The card's name, kind, address and offers: not its distance or open-now line, which change.
  var SEARCHED = ".sos-venue-card__title, .sos-venue-card__kind, .sos-venue-card__address, .sos-offer-list";

  function searchText(item) {
    if (!item.searched) {
      var text = Array.prototype.map.call(item.querySelectorAll(SEARCHED), function (part) {
        return part.textContent;
      }).join(" ");
      var keys = ["kind:" + (item.dataset.kind || "")];
      ["offers", "langs"].forEach(function (field) {
        (item.dataset[field] || "").split(" ").forEach(function (key) {
          keys.push((field === "offers" ? "offer:" : "lang:") + key);
        });
      });
      text += " " + keys.map(function (key) {
        return extraWords[key] || "";
      }).join(" ");
      item.searched = filters.searchable(text, item.dataset.offers);
    }
    return item.searched;
  }

  // The "open now" filter asks theme/js/open-now.js, when the page has it.
  function openNowApi() {
    var api = window.sosOpenNow;
    return api && typeof api.isOpen === "function" ? api : null;
  }

  function showOpenNowFilter() {
    var group = form.querySelector("[data-open-now-filter]");
    if (group && openNowApi()) {
      group.hidden = false;
    }
  }

  function readForm() {
    var state = { q: form.elements.q.value.trim(), open: false, offer: [], lang: [], access: [] };
    Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]:checked"), function (box) {
      if (box.name === "open") {
        state.open = true;
      } else if (state[box.name]) {
        state[box.name].push(box.value);
      }
    });
    return state;
  }

  function readUrl() {
    var state = filters.fromQuery(window.location.search);
    var saved = window.history.state;
    state.q = saved && typeof saved.q === "string" ? saved.q : state.q;
    return state;
  }

  // The address without the search words: what goes into history, links and the map link.
  function filtersOnly(state) {
    var copy = {};
    Object.keys(state).forEach(function (key) {
      copy[key] = state[key];
    });
    copy.q = "";
    return query(copy);
  }

  function writeForm(state) {
    form.elements.q.value = state.q;
    Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]"), function (box) {
      box.checked = box.name === "open" ? state.open : (state[box.name] || []).indexOf(box.value) >= 0;
    });
  }

  // Without open-now.js the "open now" box stays hidden, and an address asking for it shows every place.
  function matches(item, state, typed) {
    return filters.matches(item.dataset, state, typed, function () {
      var api = openNowApi();
      return api ? api.isOpen(item) : true;
    }, function () {
      return searchText(item);
    });
  }

  // What a choice is called on the page: its box's label, e.g. "Open now", "Food", "العربية (Arabic)".
  function choiceName(name, value) {
    var label = form.querySelector("label[for='filter-" + name + "-" + value + "']");
    return label ? label.textContent.replace(/\s+/g, " ").trim() : value;
  }

  // "A, B, C" with the reader's language's own separators.
  function listWords(names) {
    return speak.list(names, "unit");
  }

  function chosenNames(state) {
    var names = state.open ? [choiceName("open", "1")] : [];
    filters.GROUPS.forEach(function (group) {
      state[group].forEach(function (value) {
        names.push(choiceName(group, value));
      });
    });
    return names;
  }

  function copyState(state, changes) {
    var copy = { q: state.q, open: state.open };
    filters.GROUPS.forEach(function (group) {
      copy[group] = state[group].slice();
    });
    Object.keys(changes).forEach(function (key) {
      copy[key] = changes[key];
    });
    return copy;
  }

  function matching(state) {
    var typed = filters.words(state.q);
    return items.filter(function (item) {
      return matches(item, state, typed);
    });
  }

  // No dead end: each choice that, dropped alone, would show places, with how many. Languages are one
  // choice (any of them will do); "open now" also says which place opens next.
  function suggestions(state) {
    var found = [];
    function offer(changes, words) {
      var changed = copyState(state, changes);
      var places = matching(changed);
      if (places.length) {
        found.push({ state: changed, words: words.replace("{places}", placesText(places.length)) });
      }
      return places;
    }
    function without(name) {
      return fill(result.dataset.without, { filter: name });
    }
    if (state.open) {
      sayNextOpen(offer({ open: false }, without(choiceName("open", "1"))));
    }
    ["offer", "access"].forEach(function (group) {
      state[group].forEach(function (value) {
        var changes = {};
        changes[group] = state[group].filter(function (other) {
          return other !== value;
        });
        offer(changes, without(choiceName(group, value)));
      });
    });
    if (state.lang.length) {
      offer({ lang: [] }, without(listWords(state.lang.map(function (code) {
        return choiceName("lang", code);
      }))));
    }
    if (state.q) {
      offer({ q: "" }, fill(result.dataset.withoutWords, { words: state.q }));
    }
    return found;
  }

  function sayNextOpen(later) {
    var api = openNowApi();
    var first = null;
    var when = Infinity;
    if (api && api.nextOpening) {
      later.forEach(function (item) {
        var at = api.nextOpening(item);
        if (at !== null && at < when) {
          when = at;
          first = item;
        }
      });
    }
    if (first) {
      // The place's name is English inside the reader's sentence: isolated, as on its card.
      var name = first.querySelector(".sos-venue-card__title bdi");
      var parts = fill(result.dataset.nextOpen, { status: api.stateOf(first).text }).split("{name}");
      var isolated = document.createElement("bdi");
      isolated.lang = "en";
      isolated.textContent = name ? name.textContent : "";
      nextOpen.textContent = "";
      nextOpen.appendChild(document.createTextNode(parts[0]));
      nextOpen.appendChild(isolated);
      nextOpen.appendChild(document.createTextNode(parts.slice(1).join("")));
    }
    nextOpen.hidden = !first;
  }

  function showSuggestions(state) {
    nextOpen.hidden = true;
    while (suggestionList.firstChild) {
      suggestionList.removeChild(suggestionList.firstChild);
    }
    suggestions(state).forEach(function (suggestion) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sos-button sos-button--secondary sos-finder__button";
      button.textContent = suggestion.words;
      button.addEventListener("click", function () {
        writeForm(suggestion.state);
        go();
        showResults();
      });
      item.appendChild(button);
      suggestionList.appendChild(item);
    });
  }

  // Bring the status line and the first place to the top of the screen; focus follows for a screen reader.
  function showResults() {
    result.scrollIntoView({ block: "start" });
    result.focus({ preventScroll: true });
  }

  function apply(state) {
    var typed = filters.words(state.q);
    var shown = 0;
    items.forEach(function (item) {
      var ok = matches(item, state, typed);
      item.hidden = !ok;
      shown += ok ? 1 : 0;
    });
    empty.hidden = shown > 0;
    if (!shown) {
      showSuggestions(state);
    }
    clear.hidden = !isFiltered(state);
    if (showButton) {
      showButton.textContent = fill(showButton.dataset.words, { count: number(shown) });
    }
    var sentences = [];
    if (isFiltered(state) || acted) {
      sentences.push(fill(result.dataset.shown, { shown: number(shown), total: number(items.length) }));
    }
    var names = chosenNames(state);
    if (names.length) {
      sentences.push(fill(result.dataset.chosen, { choices: listWords(names) }));
    }
    if (sortSentence) {
      sentences.push(sortSentence);
    }
    statusLine.textContent = sentences.join(" ");
    if (mapLink) {
      var search = filtersOnly(state);
      mapLink.setAttribute("href", mapHref + (search ? "?" + search : ""));
    }
  }

  function go() {
    acted = true;
    var state = readForm();
    var search = filtersOnly(state);
    var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.pushState({ q: state.q }, "", url);
    } else {
      window.history.replaceState({ q: state.q }, "", url);
    }
    apply(state);
  }

  // A ticked box, or a search once it is sent or left, is a step Back can undo; typing only filters.
  form.addEventListener("change", function () {
    go();
  });
  form.elements.q.addEventListener("input", function () {
    apply(readForm());
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    go();
    showResults();
  });
  if (showButton) {
    showButton.addEventListener("click", showResults);
  }
  form.addEventListener("reset", function () {
    window.setTimeout(function () {
      go();
    }, 0);
  });
  window.addEventListener("popstate", function () {
    var state = readUrl();
    writeForm(state);
    apply(state);
  });

  // Near me: distances along the Earth's surface, counted on the phone, and said in words (js/i18n.js).
  var distance = speak.distance;

  function distanceWords(metres) {
    return speak.away(metres, near.dataset.distance);
  }

  function label(item, text) {
    var shown = item.querySelector("[data-venue-distance]");
    if (!text) {
      if (shown) {
        shown.parentNode.removeChild(shown);
      }
      return;
    }
    if (!shown) {
      shown = document.createElement("p");
      shown.className = "sos-venue-card__distance";
      shown.setAttribute("data-venue-distance", "");
      var address = item.querySelector(".sos-venue-card__address");
      if (address) {
        address.parentNode.insertBefore(shown, address.nextSibling);
      } else {
        item.appendChild(shown);
      }
    }
    shown.textContent = text;
  }

  function placeInOrder(ordered) {
    ordered.forEach(function (item) {
      list.appendChild(item);
    });
  }

  function sortFrom(point, sentence) {
    var measured = items.map(function (item, index) {
      var lat = parseFloat(item.dataset.lat);
      var lon = parseFloat(item.dataset.lon);
      var metres = isNaN(lat) || isNaN(lon) ? Infinity : distance(point, lat, lon);
      label(item, metres === Infinity ? "" : distanceWords(metres));
      return { item: item, metres: metres, index: index };
    });
    measured.sort(function (a, b) {
      return a.metres - b.metres || a.index - b.index;
    });
    placeInOrder(measured.map(function (entry) {
      return entry.item;
    }));
    sortSentence = sentence;
    acted = true;
    near.querySelector("[data-near-me-reset]").hidden = false;
    apply(readForm());
    showResults();
  }

  // A sort that could not be done still ends with the list in view, and the status line saying why.
  function say(sentence, final) {
    sortSentence = sentence;
    acted = true;
    apply(readForm());
    if (final !== false) {
      showResults();
    }
  }

  function sortByName() {
    byName.forEach(function (item) {
      label(item, "");
    });
    placeInOrder(byName);
    near.querySelector("[data-near-me-reset]").hidden = true;
    say(near.dataset.byName);
  }

  var districts = {};
  (near ? near.dataset.districts.split(" ") : []).forEach(function (name) {
    if (name) {
      districts[name] = null;  // fetched on first use
    }
  });

  function district(name) {
    if (!districts[name]) {
      districts[name] = window.fetch(near.dataset.postcodeUrl.replace("{district}", name)).then(function (response) {
        if (!response.ok) {
          throw new Error("postcodes: " + response.status);
        }
        return response.json();
      });
      districts[name].catch(function () {
        districts[name] = null;  // try again next time
      });
    }
    return districts[name];
  }

  function centre(postcodes) {
    var lat = 0;
    var lon = 0;
    var keys = Object.keys(postcodes);
    keys.forEach(function (key) {
      lat += postcodes[key][0];
      lon += postcodes[key][1];
    });
    return { lat: lat / keys.length, lon: lon / keys.length };
  }

  function sortFromPostcode(text) {
    var compact = fold(text).replace(/ /g, "").toUpperCase();
    var match = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})?$/.exec(compact);
    if (!match || !(match[1] in districts) || !window.fetch) {
      say(near.dataset.unknownPostcode);
      return;
    }
    var shown = match[2] ? match[1] + " " + match[2] : match[1];
    district(match[1]).then(function (postcodes) {
      var point = match[2] ? postcodes[match[2]] : null;
      if (match[2] && !point) {
        say(near.dataset.unknownPostcode);
        return;
      }
      sortFrom(point ? { lat: point[0], lon: point[1] } : centre(postcodes),
        fill(near.dataset.fromPostcode, { postcode: shown }));
    }, function () {
      say(near.dataset.unknownPostcode);
    });
  }

  if (near) {
    near.querySelector("[data-near-me-locate]").addEventListener("click", function () {
      say(near.dataset.locating, false);
      speak.position(function (here) {
        sortFrom(here, near.dataset.fromHere);
      }, function () {
        say(near.dataset.noPosition);
      });
    });
    near.querySelector("[data-near-me-form]").addEventListener("submit", function (event) {
      event.preventDefault();
      sortFromPostcode(near.querySelector("input[name=postcode]").value);
    });
    near.querySelector("[data-near-me-reset]").addEventListener("click", sortByName);
  }

  // A filtered address (a shared link, Back, a reload) opens the finder with its choices made.
  var start = readUrl();
  if (new URLSearchParams(window.location.search).has("q")) {
    // Words in a shared address: use them, then take them out of the address and this history entry's URL.
    var kept = filtersOnly(start);
    window.history.replaceState({ q: start.q }, "", window.location.pathname + (kept ? "?" + kept : "") + window.location.hash);
  }
  writeForm(start);
  showOpenNowFilter();
  // A filtered address (a shared link, "Open now" on the home page) shows its places at once: the panel stays
  // closed and the view starts at the status line naming the choices. "Places near me" opens the panel there.
  apply(start);
  if (isFiltered(start)) {
    result.scrollIntoView({ block: "start" });
  }
  if (window.location.hash === "#near-me" && panel && near) {
    panel.open = true;
    near.scrollIntoView({ block: "start" });
    near.focus({ preventScroll: true });
  }
  // open-now.js may run after this script: look for it again once everything has loaded. And what is
  // open changes with the clock: an "open now" list is worked out again every minute, as the status is.
  window.addEventListener("load", function () {
    showOpenNowFilter();
    if (start.open) {
      apply(readForm());
    }
  });
  window.setInterval(function () {
    var state = readForm();
    if (state.open) {
      apply(state);
    }
  }, 60000);
})();
