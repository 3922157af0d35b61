/* window.sosFinder: the directory's finder, shared by its two pages. js/directory.js has every card in the page;
   js/directory-search.js (above VENUES_DIRECTORY_MAX_CARDS places) has a compact index fetched on first use.
   This file holds what they share: the form, the filters in the address (?offer=&lang=&access=&open=1, so a list
   can be shared and Back undoes a choice), "near me" from a position or a postcode, the status line (role=status)
   and its way out when nothing matches, and bringing the results into view. Search words (which may be a postcode),
   a position or a postcode never go into the address: Back finds the words in the page's history entry, which
   stays on the phone. js/filters.js decides what matches; js/i18n.js says it in the reader's language.

   sosFinder.start(root, page) starts the finder in root, asking the page (an object) for what is its own:
   - all(): the places searched (cards' list items, or the index's places; none before the index is here);
   - show(state, asked, test, point): show the places that test(place) accepts, nearest to point first when
     there is one; return how many, or a promise of it (null when a later search took over). With page.onDemand,
     nothing is shown until asked (words, a filter or a point);
   - facts(place): its offers, langs and access (js/filters.js); searchText(place): filters.searchable() of its
     words; hours(place): what js/open-now.js reads its hours from; name(place): its name;
   - optional: near(point) when a sort starts (point) or ends (null); load() on first use; refresh() every minute. */
(function () {
  "use strict";
  var filters = window.sosFilters;
  var speak = window.sosWords;

  function openNow() {
    var api = window.sosOpenNow;
    return api && typeof api.isOpen === "function" ? api : null;
  }

  function json(text) {
    try {
      return JSON.parse(text || "{}");
    } catch (error) {
      return {};
    }
  }

  // next(value) now, or once a promise gives it: a page whose places are all here shows its results at once.
  function when(value, next, failed) {
    return value && typeof value.then === "function" ? value.then(next, failed) : next(value);
  }

  // The places in order of distance from a point, each as {place, metres}; those with no position last, in order.
  function byDistance(places, point, position) {
    return places.map(function (place, order) {
      var at = position(place);
      return { place: place, order: order, metres: at ? speak.distance(point, at[0], at[1]) : Infinity };
    }).sort(function (a, b) {
      return a.metres - b.metres || a.order - b.order;
    });
  }

  function start(root, page) {
    var form = root.querySelector("[data-finder]");
    var result = root.querySelector("[data-finder-result]");
    if (!filters || !speak || !form || !result || !window.URLSearchParams || !window.history.pushState) {
      return false;
    }
    var fill = speak.fill;
    var number = speak.number;
    var near = root.querySelector("[data-near-me]");
    var panel = root.querySelector("[data-finder-panel]");
    var show = root.querySelector("[data-finder-show]");
    var showButton = show && show.querySelector("[data-finder-show-button]");
    var clear = form.querySelector("[data-finder-clear]");
    var statusLine = result.querySelector("[data-finder-status]");
    var empty = result.querySelector("[data-finder-empty]");
    var suggestionList = result.querySelector("[data-finder-suggestions]");
    var nextOpen = result.querySelector("[data-finder-next-open]");
    var mapLink = document.querySelector("[data-map-link]");
    var mapHref = mapLink && mapLink.getAttribute("href");
    var placesText = speak.plural(json(result.dataset.places));  // "3 places", in the reader's plural forms
    var point = null;  // where "near me" sorts from, once asked
    var sortSentence = "";
    var acted = false;  // the count is said once the reader has done something, not on arrival
    var noScript = root.querySelector("[data-finder-no-script]");
    var nothing = function () {};
    var load = page.load || nothing;
    var refresh = page.refresh || nothing;
    var resort = page.near || nothing;

    root.hidden = false;
    form.hidden = false;
    if (noScript) {
      noScript.hidden = true;
    }

    // Without open-now.js the "open now" box stays hidden, and an address asking for it shows every place.
    function matches(place, state, typed) {
      return filters.matches(page.facts(place), state, typed, function () {
        var api = openNow();
        var hours = api && page.hours(place);
        return api ? Boolean(hours) && api.isOpen(hours) : true;
      }, function () {
        return page.searchText(place);
      });
    }

    function tester(state) {
      var typed = filters.words(state.q);
      return function (place) {
        return matches(place, state, typed);
      };
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
      var state = filters.fromQuery(location.search);
      var saved = window.history.state;
      state.q = saved && typeof saved.q === "string" ? saved.q : state.q;
      return state;
    }

    function writeForm(state) {
      form.elements.q.value = state.q;
      Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]"), function (box) {
        box.checked = box.name === "open" ? state.open : (state[box.name] || []).indexOf(box.value) >= 0;
      });
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

    // The address without the search words: what goes into history, links and the map link.
    function filtersOnly(state) {
      return filters.toQuery(copyState(state, { q: "" }));
    }

    function showOpenNowFilter() {
      var group = form.querySelector("[data-open-now-filter]");
      if (group && openNow()) {
        group.hidden = false;
      }
    }

    // What a choice is called on the page: its box's label, e.g. "Open now", "Food", "العربية (Arabic)".
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

    // No dead end: each choice that, dropped alone, would show places, with how many. Languages are one
    // choice (any of them will do); "open now" also says which place opens next.
    function suggestions(state) {
      var found = [];
      function offer(changes, words) {
        var changed = copyState(state, changes);
        var places = page.all().filter(tester(changed));
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
        offer({ lang: [] }, without(speak.list(state.lang.map(function (code) {
          return choiceName("lang", code);
        }), "unit")));
      }
      if (state.q) {
        // The reader's words may run the other way from the sentence: isolate them (first strong
        // isolate ... pop directional isolate), as <bdi> does in markup.
        offer({ q: "" }, fill(result.dataset.withoutWords, { words: "\u2068" + state.q + "\u2069" }));
      }
      return found;
    }

    function sayNextOpen(later) {
      var api = openNow();
      var first = null;
      var soonest = Infinity;
      if (api && api.nextOpening) {
        later.forEach(function (place) {
          var hours = page.hours(place);
          var at = hours ? api.nextOpening(hours) : null;
          if (at !== null && at < soonest) {
            soonest = at;
            first = place;
          }
        });
      }
      if (first) {
        // The place's name is English inside the reader's sentence: isolated, as on its card.
        var parts = fill(result.dataset.nextOpen, { status: api.stateOf(page.hours(first)).text }).split("{name}");
        var isolated = document.createElement("bdi");
        isolated.lang = "en";
        isolated.textContent = page.name(first);
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
          when(go(), showResults);
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

    // Say what shows: how many of how many, the choices made, and the order; when nothing does, what would.
    function report(state, count, asked) {
      empty.hidden = !asked || count > 0;
      if (asked && !count) {
        showSuggestions(state);
      }
      if (showButton) {
        show.hidden = !asked;
        showButton.textContent = fill(showButton.dataset.words, { count: number(count) });
      }
      var sentences = [];
      if (asked && (filters.isFiltered(state) || acted)) {
        sentences.push(fill(result.dataset.shown, { shown: number(count), total: number(page.all().length) }));
      }
      var names = chosenNames(state);
      if (names.length) {
        sentences.push(fill(result.dataset.chosen, { choices: speak.list(names, "unit") }));
      }
      if (sortSentence) {
        sentences.push(sortSentence);
      }
      statusLine.textContent = sentences.join(" ");
    }

    function apply(state) {
      clear.hidden = !filters.isFiltered(state);
      if (mapLink) {
        var search = filtersOnly(state);
        mapLink.setAttribute("href", mapHref + (search ? "?" + search : ""));
      }
      var asked = !page.onDemand || filters.isFiltered(state) || Boolean(point);
      return when(page.show(state, asked, tester(state), point), function (count) {
        if (count !== null) {
          report(state, count, asked);
        }
      }, function () {
        statusLine.textContent = root.dataset.failed || "";
      });
    }

    // This page's address with a state's filters (never its words).
    function address(state) {
      var search = filtersOnly(state);
      return location.pathname + (search ? "?" + search : "") + location.hash;
    }

    function go() {
      acted = true;
      var state = readForm();
      var url = address(state);
      window.history[url !== location.pathname + location.search + location.hash ? "pushState" : "replaceState"](
        { q: state.q }, "", url);
      return apply(state);
    }

    // A ticked box, or a search once it is sent or left, is a step Back can undo; typing only filters. Results
    // that come a page at a time (page.onDemand) are not worked out again when the search box is left, which
    // would take back the pages shown.
    form.addEventListener("change", function (event) {
      if (event.target !== form.elements.q || !page.onDemand) {
        go();
      }
    });
    form.elements.q.addEventListener("input", function () {
      apply(readForm());
    });
    form.elements.q.addEventListener("focus", load);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      when(go(), showResults);
    });
    if (showButton) {
      showButton.addEventListener("click", showResults);
    }
    form.addEventListener("reset", function () {
      window.setTimeout(go, 0);
    });
    window.addEventListener("popstate", function () {
      var state = readUrl();
      writeForm(state);
      apply(state);
    });

    // Near me: the places sorted by their distance from the reader's position or a postcode, on the phone.
    function sortFrom(here, sentence) {
      point = here;
      sortSentence = sentence;
      acted = true;
      resort(here);
      near.querySelector("[data-near-me-reset]").hidden = false;
      when(apply(readForm()), showResults);
    }

    // A sort that could not be done still ends with the list in view, and the status line saying why.
    function say(sentence, final) {
      sortSentence = sentence;
      acted = true;
      var done = apply(readForm());
      if (final !== false) {
        when(done, showResults);
      }
    }

    var districts = {};
    (near ? near.dataset.districts.split(" ") : []).forEach(function (name) {
      if (name) {
        districts[name] = null;  // its postcodes, fetched on first use
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
      var keys = Object.keys(postcodes);
      var at = { lat: 0, lon: 0 };
      keys.forEach(function (key) {
        at.lat += postcodes[key][0] / keys.length;
        at.lon += postcodes[key][1] / keys.length;
      });
      return at;
    }

    function sortFromPostcode(text) {
      var compact = filters.fold(text).replace(/ /g, "").toUpperCase();
      var match = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})?$/.exec(compact);
      if (!match || !(match[1] in districts) || !window.fetch) {
        say(near.dataset.unknownPostcode);
        return;
      }
      district(match[1]).then(function (postcodes) {
        var at = match[2] ? postcodes[match[2]] : null;
        if (match[2] && !at) {
          say(near.dataset.unknownPostcode);
          return;
        }
        sortFrom(at ? { lat: at[0], lon: at[1] } : centre(postcodes),
          fill(near.dataset.fromPostcode, { postcode: match[2] ? match[1] + " " + match[2] : match[1] }));
      }, function () {
        say(near.dataset.unknownPostcode);
      });
    }

    if (near) {
      near.hidden = false;
      near.querySelector("[data-near-me-locate]").addEventListener("click", function () {
        say(near.dataset.locating, false);
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
        resort(null);
        near.querySelector("[data-near-me-reset]").hidden = true;
        say(near.dataset.byName);
      });
    }

    // A filtered address (a shared link, Back, a reload) opens the finder with its choices made.
    var begin = readUrl();
    if (new URLSearchParams(location.search).has("q")) {
      // Words in a shared address: use them, then take them out of the address and this history entry's URL.
      window.history.replaceState({ q: begin.q }, "", address(begin));
    }
    writeForm(begin);
    var hadOpenNow = Boolean(openNow());
    showOpenNowFilter();
    refresh();
    // A filtered address (a shared link, "Open now" on the home page) shows its places at once: the panel stays
    // closed and the view starts at the status line naming the choices. "Places near me" opens the panel there.
    when(apply(begin), function () {
      if (filters.isFiltered(begin)) {
        result.scrollIntoView({ block: "start" });
      }
    });
    if (location.hash === "#near-me" && panel && near) {
      panel.open = true;
      near.scrollIntoView({ block: "start" });
      near.focus({ preventScroll: true });
    }
    // open-now.js may run after this script: look for it again once everything has loaded. And what is
    // open changes with the clock: an "open now" list is worked out again every minute, as the status is.
    window.addEventListener("load", function () {
      showOpenNowFilter();
      refresh();
      if (begin.open && !hadOpenNow) {
        apply(readForm());
      }
    });
    window.setInterval(function () {
      refresh();
      var state = readForm();
      if (state.open) {
        apply(state);
      }
    }, 60000);
    return true;
  }

  window.sosFinder = { start: start, openNow: openNow, json: json, byDistance: byDistance };
})();
