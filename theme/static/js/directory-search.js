/* The directory split by area (above VENUES_DIRECTORY_MAX_CARDS places): search, filters, "open now" and "near me"
   on a compact index (venues/search.json), fetched on first use: the search box's first focus or input, a filter's
   first tick, "near me", or an address that asks for filters. Results are cards copied from the page's <template>
   (components/directory_search.html), a page of them at a time, and the status line (role=status) says how many
   places match. The first screen shows the few places the page carries that are open now, or open next.
   Filters live in the address as on the short directory (js/directory.js); js/filters.js decides what matches. */
(function () {
  "use strict";
  var root = document.querySelector("[data-directory-search]");
  var filters = window.sosFilters;
  var speak = window.sosWords;
  if (!root || !filters || !speak || !window.fetch || !window.URLSearchParams || !window.history.pushState ||
      !("content" in document.createElement("template"))) {
    return;
  }
  var PAGE = 20;  // results added at a time
  var form = root.querySelector("[data-finder]");
  var result = root.querySelector("[data-finder-result]");
  var statusLine = result.querySelector("[data-finder-status]");
  var empty = result.querySelector("[data-finder-empty]");
  var suggestionList = result.querySelector("[data-finder-suggestions]");
  var near = root.querySelector("[data-near-me]");
  var list = root.querySelector("[data-result-list]");
  var more = root.querySelector("[data-result-more]");
  var cardTemplate = root.querySelector("template[data-result-card]");
  var clear = form.querySelector("[data-finder-clear]");
  var mapLink = document.querySelector("[data-map-link]");
  var mapHref = mapLink && mapLink.getAttribute("href");
  var fill = speak.fill;
  var number = speak.number;
  var offerItems = {};
  Array.prototype.forEach.call(root.querySelector("template[data-result-offers]").content.querySelectorAll("[data-offer]"),
    function (item) {
      offerItems[item.getAttribute("data-offer")] = item;
    });

  function json(text) {
    try {
      return JSON.parse(text || "{}");
    } catch (error) {
      return {};
    }
  }
  var words = json(root.dataset.words);
  var kinds = json(root.dataset.kinds);
  var placesText = speak.plural(json(result.dataset.places));

  // While the panel is open, a bar at the bottom of the screen counts the places found and takes the reader to them.
  var show = root.querySelector("[data-finder-show]");
  var showButton = show && show.querySelector("[data-finder-show-button]");

  root.hidden = false;
  form.hidden = false;
  near.hidden = false;

  // The index: fetched once, on first use; a failed fetch is tried again at the next use.
  var index = null;
  var places = null;
  var hours = null;
  var urlPattern = "";
  function load() {
    if (!index) {
      index = window.fetch(root.dataset.index).then(function (response) {
        if (!response.ok) {
          throw new Error("search index: " + response.status);
        }
        return response.json();
      }).then(function (data) {
        places = data.places;
        hours = data.hours;
        urlPattern = root.dataset.langUrl + "/" + data.url;
        places.forEach(function (place, order) {
          place.order = order;
        });
        return places;
      });
      index.catch(function () {
        index = null;
      });
    }
    return index;
  }

  function openNow() {
    var api = window.sosOpenNow;
    return api && typeof api.isOpen === "function" ? api : null;
  }

  function showOpenNowFilter() {
    var group = form.querySelector("[data-open-now-filter]");
    if (group && openNow()) {
      group.hidden = false;
    }
  }

  // What search looks in: the place's name and address, and its kind, offers and languages in words.
  function searchText(place) {
    if (!place.searched) {
      var keys = ["kind:" + place.kind];
      place.offers.split(" ").forEach(function (key) {
        keys.push("offer:" + key);
      });
      place.langs.split(" ").forEach(function (key) {
        keys.push("lang:" + key);
      });
      var text = [place.name, place.street, place.town, place.postcode].concat(keys.map(function (key) {
        return words[key] || "";
      })).join(" ");
      place.searched = filters.searchable(text, place.offers);
    }
    return place.searched;
  }

  // A place's hours, read from the index the first time they are asked for (most searches never do).
  function scheduleOf(place) {
    if (place.schedule === undefined) {
      place.schedule = place.hours !== undefined && hours && openNow()
        ? openNow().schedule(hours.from, hours.days, place.hours) : null;
    }
    return place.schedule;
  }

  function matches(place, state, typed) {
    return filters.matches(place, state, typed, function () {
      var api = openNow();
      return api && scheduleOf(place) ? api.isOpen(place.schedule) : !api;
    }, function () {
      return searchText(place);
    });
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

  function writeForm(state) {
    form.elements.q.value = state.q;
    Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]"), function (box) {
      box.checked = box.name === "open" ? state.open : (state[box.name] || []).indexOf(box.value) >= 0;
    });
  }

  function filtersOnly(state) {
    var copy = { q: "", open: state.open };
    filters.GROUPS.forEach(function (group) {
      copy[group] = state[group];
    });
    return filters.toQuery(copy);
  }

  function choiceName(name, value) {
    var label = form.querySelector("label[for='filter-" + name + "-" + value + "']");
    return label ? label.textContent.replace(/\s+/g, " ").trim() : value;
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

  // Near me: the reader's point, and the sentence that says where the order comes from.
  var point = null;
  var sortSentence = "";

  function distanceWords(metres) {
    return speak.away(metres, near.dataset.distance);
  }

  // One result: the page's card, with the place's text (never markup) put in.
  function card(place) {
    var item = cardTemplate.content.firstElementChild.cloneNode(true);
    var article = item.querySelector("article");
    var id = "result-" + place.slug;
    article.setAttribute("aria-labelledby", id);
    item.querySelector("[data-result-title]").id = id;
    item.querySelector("[data-result-link]").href = fill(urlPattern, { slug: place.slug });
    item.querySelector("[data-result-name]").textContent = place.name;
    if (!place.example) {
      var tag = item.querySelector("[data-result-example]");
      tag.parentNode.removeChild(tag);
    }
    item.querySelector("[data-result-kind]").textContent = kinds[place.kind] || place.kind;
    item.querySelector("[data-result-street]").textContent = place.street + ", " + place.town;
    item.querySelector("[data-result-postcode]").textContent = place.postcode;
    if (place.metres !== undefined && place.metres !== Infinity) {
      var distance = item.querySelector("[data-result-distance]");
      distance.textContent = distanceWords(place.metres);
      distance.hidden = false;
    }
    var status = item.querySelector("[data-result-status]");
    status.setAttribute("data-open-status", "");
    if (scheduleOf(place) && openNow()) {
      var state = openNow().stateOf(place.schedule);
      status.querySelector(".sos-open-status__text").textContent = state.text;
      status.setAttribute("data-open-state", state.state);
    } else {
      status.setAttribute("data-open-state", "unknown");
    }
    status.hidden = false;
    var offers = item.querySelector("[data-result-offers]");
    var label = item.querySelector("[data-result-offers-label]");
    label.id = "result-offers-" + place.slug;
    offers.setAttribute("aria-labelledby", label.id);
    place.offers.split(" ").forEach(function (key) {
      if (offerItems[key]) {
        offers.appendChild(offerItems[key].cloneNode(true));
      }
    });
    if (!offers.children.length) {
      label.parentNode.removeChild(label);
      offers.parentNode.removeChild(offers);
    }
    return item;
  }

  var found = [];
  var shown = 0;

  function showMore() {
    var first = null;
    found.slice(shown, shown + PAGE).forEach(function (place) {
      var item = card(place);
      first = first || item;
      list.appendChild(item);
    });
    shown = Math.min(found.length, shown + PAGE);
    var left = found.length - shown;
    more.hidden = left <= 0;
    more.textContent = fill(root.dataset.more, { count: number(Math.min(PAGE, left)) });
    return first;
  }

  function suggestions(state) {
    var offers = [];
    function offer(changes, text) {
      var changed = {};
      Object.keys(state).forEach(function (key) {
        changed[key] = key in changes ? changes[key] : state[key];
      });
      var typed = filters.words(changed.q);
      var count = places.filter(function (place) {
        return matches(place, changed, typed);
      }).length;
      if (count) {
        offers.push({ state: changed, words: text.replace("{places}", placesText(count)) });
      }
    }
    function without(name) {
      return fill(result.dataset.without, { filter: name });
    }
    if (state.open) {
      offer({ open: false }, without(choiceName("open", "1")));
    }
    filters.GROUPS.forEach(function (group) {
      state[group].forEach(function (value) {
        var changes = {};
        changes[group] = state[group].filter(function (other) {
          return other !== value;
        });
        offer(changes, without(choiceName(group, value)));
      });
    });
    if (state.q) {
      offer({ q: "" }, fill(result.dataset.withoutWords, { words: state.q }));
    }
    return offers;
  }

  function showSuggestions(state) {
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

  function showResults() {
    result.scrollIntoView({ block: "start" });
    result.focus({ preventScroll: true });
  }

  // The places that match, worked out in slices of a few milliseconds so the page keeps answering taps and keys
  // (no long task on a slow phone); null when a later search has started meanwhile.
  var generation = 0;
  var SLICE_MS = 30;
  function matching(state, mine) {
    var typed = filters.words(state.q);
    var matched = [];
    var at = 0;
    return new Promise(function (resolve) {
      (function slice() {
        if (mine !== generation) {
          resolve(null);
          return;
        }
        var until = Date.now() + SLICE_MS;
        while (at < places.length && (at % 50 || Date.now() < until)) {
          if (matches(places[at], state, typed)) {
            matched.push(places[at]);
          }
          at += 1;
        }
        if (at < places.length) {
          window.setTimeout(slice, 0);
        } else {
          resolve(matched);
        }
      })();
    });
  }

  // Work out the results of a state, once the index is here; nothing asked (no words, filters or point): none.
  function apply(state) {
    clear.hidden = !filters.isFiltered(state);
    if (mapLink) {
      var search = filtersOnly(state);
      mapLink.setAttribute("href", mapHref + (search ? "?" + search : ""));
    }
    var asked = filters.isFiltered(state) || point;
    var mine = ++generation;
    return (asked ? load() : Promise.resolve(null)).then(function () {
      return asked ? matching(state, mine) : [];
    }).then(function (matched) {
      if (matched === null) {
        return;  // a later search took over
      }
      found = matched;
      if (point) {
        found.forEach(function (place) {
          place.metres = place.lat === undefined ? Infinity : speak.distance(point, place.lat, place.lon);
        });
        found.sort(function (a, b) {
          return a.metres - b.metres || a.order - b.order;
        });
      }
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      shown = 0;
      showMore();
      empty.hidden = !asked || found.length > 0;
      if (asked && !found.length) {
        showSuggestions(state);
      }
      var sentences = [];
      if (asked) {
        sentences.push(fill(result.dataset.shown, { shown: number(found.length), total: number(places.length) }));
      }
      var names = chosenNames(state);
      if (names.length) {
        sentences.push(fill(result.dataset.chosen, { choices: speak.list(names, "unit") }));
      }
      if (sortSentence) {
        sentences.push(sortSentence);
      }
      statusLine.textContent = sentences.join(" ");
      if (show) {
        show.hidden = !asked;
        showButton.textContent = fill(showButton.dataset.words, { count: number(found.length) });
      }
      firstPlaces.hidden = Boolean(asked) || !firstPlaces.ready;
    }, function () {
      statusLine.textContent = root.dataset.failed || "";
    });
  }

  function go() {
    var state = readForm();
    var search = filtersOnly(state);
    var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.pushState({ q: state.q }, "", url);
    } else {
      window.history.replaceState({ q: state.q }, "", url);
    }
    return apply(state);
  }

  // First use: the search box focused or typed in, a box ticked. The index starts loading at once.
  form.elements.q.addEventListener("focus", function () {
    load();
  });
  form.elements.q.addEventListener("input", function () {
    apply(readForm());
  });
  form.addEventListener("change", function (event) {
    if (event.target !== form.elements.q) {
      go();
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    go().then(showResults);
  });
  form.addEventListener("reset", function () {
    window.setTimeout(go, 0);
  });
  if (showButton) {
    showButton.addEventListener("click", showResults);
  }
  more.addEventListener("click", function () {
    var first = showMore();
    var link = first && first.querySelector("a");
    if (link) {
      link.focus();
    }
  });
  window.addEventListener("popstate", function () {
    var state = filters.fromQuery(window.location.search);
    var saved = window.history.state;
    state.q = saved && typeof saved.q === "string" ? saved.q : state.q;
    writeForm(state);
    apply(state);
  });

  function sortFrom(here, sentence) {
    point = here;
    sortSentence = sentence;
    near.querySelector("[data-near-me-reset]").hidden = false;
    apply(readForm()).then(showResults);
  }

  function say(sentence) {
    sortSentence = sentence;
    statusLine.textContent = sentence;
  }

  // A postcode: its district's file of postcodes (the same files js/directory.js reads), fetched when asked.
  var districts = {};
  near.dataset.districts.split(" ").forEach(function (name) {
    if (name) {
      districts[name] = null;
    }
  });

  function sortFromPostcode(text) {
    var compact = filters.fold(text).replace(/ /g, "").toUpperCase();
    var match = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})?$/.exec(compact);
    if (!match || !(match[1] in districts)) {
      say(near.dataset.unknownPostcode);
      return;
    }
    window.fetch(near.dataset.postcodeUrl.replace("{district}", match[1])).then(function (response) {
      if (!response.ok) {
        throw new Error("postcodes: " + response.status);
      }
      return response.json();
    }).then(function (postcodes) {
      var at = match[2] ? postcodes[match[2]] : null;
      if (match[2] && !at) {
        say(near.dataset.unknownPostcode);
        return;
      }
      if (!at) {  // a district alone: its middle
        var keys = Object.keys(postcodes);
        at = [0, 0];
        keys.forEach(function (key) {
          at[0] += postcodes[key][0] / keys.length;
          at[1] += postcodes[key][1] / keys.length;
        });
      }
      sortFrom({ lat: at[0], lon: at[1] },
        fill(near.dataset.fromPostcode, { postcode: match[2] ? match[1] + " " + match[2] : match[1] }));
    }, function () {
      say(near.dataset.unknownPostcode);
    });
  }

  near.querySelector("[data-near-me-locate]").addEventListener("click", function () {
    say(near.dataset.locating);
    load();
    speak.position(function (here) {
      sortFrom(here, near.dataset.fromHere);
    }, function () {
      say(near.dataset.noPosition);
    });
  });
  near.querySelector("[data-near-me-form]").addEventListener("submit", function (event) {
    event.preventDefault();
    load();
    sortFromPostcode(near.querySelector("input[name=postcode]").value);
  });
  near.querySelector("[data-near-me-reset]").addEventListener("click", function () {
    point = null;
    places.forEach(function (place) {
      delete place.metres;
    });
    near.querySelector("[data-near-me-reset]").hidden = true;
    sortSentence = near.dataset.byName;
    apply(readForm()).then(showResults);
  });

  // The first screen: of the few places the page carries, those open now; when none is, the three opening next.
  var firstPlaces = root.querySelector("[data-first-places]") || { hidden: true };
  function showFirstPlaces() {
    var api = openNow();
    if (!api || !firstPlaces.querySelectorAll) {
      return;
    }
    var items = Array.prototype.slice.call(firstPlaces.querySelectorAll("[data-first-places-list] > li"));
    var open = items.filter(function (item) {
      return api.isOpen(item);
    });
    var title = firstPlaces.querySelector("[data-first-places-title]");
    var chosen = open.slice(0, 5);
    if (!chosen.length) {
      chosen = items.filter(function (item) {
        return api.nextOpening(item) !== null;
      }).sort(function (a, b) {
        return api.nextOpening(a) - api.nextOpening(b);
      }).slice(0, 3);
    }
    title.textContent = open.length ? firstPlaces.dataset.openTitle : firstPlaces.dataset.nextTitle;
    items.forEach(function (item) {
      item.hidden = chosen.indexOf(item) < 0;
    });
    api.render(firstPlaces);
    firstPlaces.ready = chosen.length > 0;
    firstPlaces.hidden = !firstPlaces.ready || list.children.length > 0;
  }

  // A filtered address (a shared link, Back, a reload) is a use: it shows its places at once.
  var start = filters.fromQuery(window.location.search);
  var saved = window.history.state;
  start.q = saved && typeof saved.q === "string" ? saved.q : start.q;
  if (new URLSearchParams(window.location.search).has("q")) {
    var kept = filtersOnly(start);
    window.history.replaceState({ q: start.q }, "", window.location.pathname + (kept ? "?" + kept : "") + window.location.hash);
  }
  writeForm(start);
  showOpenNowFilter();
  showFirstPlaces();
  if (filters.isFiltered(start)) {
    apply(start);
  }
  window.addEventListener("load", function () {
    showOpenNowFilter();
    showFirstPlaces();
  });
  window.setInterval(function () {
    showFirstPlaces();
    if (readForm().open) {
      apply(readForm());
    }
  }, 60000);
})();
