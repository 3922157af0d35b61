/* The directory split by area (above VENUES_DIRECTORY_MAX_CARDS places): the finder (js/finder.js, loaded before
   it) searches a compact index (venues/search.json), fetched on first use: the search box's first focus or input,
   a filter's first tick, "near me", or an address that asks for filters. Results are cards copied from the page's
   <template> (components/directory_search.html), a page of them at a time. The first screen shows the few places
   the page carries that are open now, or open next. */
(function () {
  "use strict";
  var root = document.querySelector("[data-directory-search]");
  var finder = window.sosFinder;
  var speak = window.sosWords;
  if (!root || !finder || !window.fetch || !("content" in document.createElement("template"))) {
    return;
  }
  var PAGE = 20;  // results added at a time
  var near = root.querySelector("[data-near-me]");
  var list = root.querySelector("[data-result-list]");
  var more = root.querySelector("[data-result-more]");
  var cardTemplate = root.querySelector("template[data-result-card]");
  var fill = speak.fill;
  var offerItems = {};
  Array.prototype.forEach.call(root.querySelector("template[data-result-offers]").content.querySelectorAll("[data-offer]"),
    function (item) {
      offerItems[item.getAttribute("data-offer")] = item;
    });
  var words = finder.json(root.dataset.words);
  var kinds = finder.json(root.dataset.kinds);

  // The index: fetched once, on first use; a failed fetch is tried again at the next use.
  var index = null;
  var places = [];
  var hours = null;
  var urlPattern = "";
  var directions = "";
  function load() {
    if (!index) {
      index = window.fetch(root.dataset.index).then(function (response) {
        if (!response.ok) {
          throw new Error("search index: " + response.status);
        }
        return response.json();
      }).then(function (data) {
        hours = data.hours;
        urlPattern = root.dataset.langUrl + "/" + data.url;
        directions = data.directions || "";
        places = data.places;
      });
      index.catch(function () {
        index = null;
      });
    }
    return index;
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
      place.searched = window.sosFilters.searchable(text, place.offers);
    }
    return place.searched;
  }

  // A place's hours, read from the index the first time they are asked for (most searches never do).
  function scheduleOf(place) {
    var api = finder.openNow();
    if (place.schedule === undefined && api) {
      place.schedule = place.hours !== undefined && hours ? api.schedule(hours.from, hours.days, place.hours) : null;
    }
    return place.schedule || null;
  }

  // One result: the page's card, with the place's text (never markup) put in.
  var point = null;  // where the results are sorted from, if anywhere
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
    if (point && place.metres !== Infinity) {
      var distance = item.querySelector("[data-result-distance]");
      distance.textContent = speak.away(place.metres, near.dataset.distance);
      distance.hidden = false;
    }
    var status = item.querySelector("[data-result-status]");
    var api = finder.openNow();
    status.setAttribute("data-open-status", "");
    if (scheduleOf(place) && api) {
      var state = api.stateOf(place.schedule);
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
    // Call and directions, as on the place's own card: only a tel: or https: link, and the name set as text.
    action(item, "call", /^\+?[0-9]+$/.test(place.tel || "") ? "tel:" + place.tel : "", place.name);
    action(item, "directions", place.lat === undefined || !/^https:/.test(directions) ? ""
      : fill(directions, { lat: place.lat, lon: place.lon }), place.name);
    var actions = item.querySelector("[data-result-actions]");
    if (!actions.children.length) {
      actions.parentNode.removeChild(actions);
    }
    return item;
  }

  function action(item, role, href, name) {
    var part = item.querySelector("[data-result-" + role + "]");
    if (href) {
      part.querySelector("a").href = href;
      part.querySelector("bdi").textContent = name;
    } else {
      part.parentNode.removeChild(part);
    }
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
    more.textContent = fill(root.dataset.more, { count: speak.number(Math.min(PAGE, left)) });
    return first;
  }

  more.addEventListener("click", function () {
    var first = showMore();
    var link = first && first.querySelector("a");
    if (link) {
      link.focus();
    }
  });

  // The places that match, worked out in slices of a few milliseconds so the page keeps answering taps and keys
  // (no long task on a slow phone); null when a later search has started meanwhile.
  var generation = 0;
  var SLICE_MS = 30;
  function matching(test, mine) {
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
          if (test(places[at])) {
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

  // Show the results of a state once the index is here; nothing asked (no words, filters or point): none.
  function show(state, asked, test, here) {
    var mine = ++generation;
    return (asked ? load() : Promise.resolve()).then(function () {
      return asked ? matching(test, mine) : [];
    }).then(function (matched) {
      if (matched === null) {
        return null;  // a later search took over
      }
      point = here;
      found = !here ? matched : finder.byDistance(matched, here, function (place) {
        return place.lat === undefined ? null : [place.lat, place.lon];
      }).map(function (entry) {
        entry.place.metres = entry.metres;
        return entry.place;
      });
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      shown = 0;
      showMore();
      firstPlaces.hidden = asked || !firstPlaces.ready;
      return found.length;
    });
  }

  // The first screen: of the few places the page carries, those open now; when none is, the three opening next.
  var firstPlaces = root.querySelector("[data-first-places]") || { hidden: true };
  function showFirstPlaces() {
    var api = finder.openNow();
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

  finder.start(root, {
    onDemand: true,
    all: function () {
      return places;
    },
    show: show,
    facts: function (place) {
      return place;
    },
    searchText: searchText,
    hours: scheduleOf,
    name: function (place) {
      return place.name;
    },
    load: load,
    refresh: showFirstPlaces,
  });
})();
