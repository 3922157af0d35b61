/* The short directory (at most VENUES_DIRECTORY_MAX_CARDS places): every place's card is in the page, and the
   finder (js/finder.js, loaded before it) hides those that do not match and sorts them by distance. Without
   JavaScript the whole list shows and the offer and language pages filter it. */
(function () {
  "use strict";
  var list = document.querySelector("[data-venue-list]");
  var near = document.querySelector("[data-near-me]");
  var finder = window.sosFinder;
  var speak = window.sosWords;
  if (!list || !finder) {
    return;
  }
  var items = Array.prototype.slice.call(list.children);
  var byName = items.slice();
  var extraWords = finder.json(list.dataset.words);

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
      item.searched = window.sosFilters.searchable(text, item.dataset.offers);
    }
    return item.searched;
  }

  // A card's distance ("350 m away, about 4 minutes on foot"), under its address; none takes it away.
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

  finder.start(document.querySelector("main") || document.body, {
    all: function () {
      return items;
    },
    show: function (state, asked, test) {
      var shown = 0;
      items.forEach(function (item) {
        var ok = test(item);
        item.hidden = !ok;
        shown += ok ? 1 : 0;
      });
      return shown;
    },
    facts: function (item) {
      return item.dataset;
    },
    searchText: searchText,
    hours: function (item) {
      return item;
    },
    name: function (item) {
      var name = item.querySelector(".sos-venue-card__title bdi");
      return name ? name.textContent : "";
    },
    near: function (point) {
      if (!point) {
        byName.forEach(function (item) {
          label(item, "");
        });
        placeInOrder(byName);
        return;
      }
      placeInOrder(finder.byDistance(items, point, function (item) {
        var lat = parseFloat(item.dataset.lat);
        var lon = parseFloat(item.dataset.lon);
        return isNaN(lat) || isNaN(lon) ? null : [lat, lon];
      }).map(function (entry) {
        label(entry.place, entry.metres === Infinity ? "" : speak.away(entry.metres, near.dataset.distance));
        return entry.place;
      }));
    },
  });
})();
