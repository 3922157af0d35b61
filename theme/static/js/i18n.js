/* window.sosWords: the one place where the page scripts (finder.js, directory.js, directory-search.js, map.js, map-filters.js)
   fill the page's words, write numbers, lists and distances in the reader's language, and ask for the reader's position,
   as GOV.UK Frontend's i18n.mjs does for its components. The words themselves come from the page (data
   attributes and <template> elements written by the theme in the reader's language); this file holds none.
   Loaded (deferred) before the scripts that use it. */
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";
  var UNITS = { meter: "m", kilometer: "km", minute: "min" };

  // "{shown} of {total} places": each {name} with its value; a name with no value stays as it is.
  function fill(words, values) {
    return String(words).replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? values[key] : whole;
    });
  }

  // 1,234 or ١٬٢٣٤, as the reader's language writes it; plain digits in an old browser.
  function number(value, options) {
    try {
      return new Intl.NumberFormat(lang, options).format(value);
    } catch (error) {  // an old browser, or a unit it does not know
      return String(value) + (options && options.unit ? " " + (UNITS[options.unit] || options.unit) : "");
    }
  }

  // "A, B and C" (type "conjunction"), "A, B or C" ("disjunction") or "A, B, C" ("unit") in the reader's
  // language where the browser knows it, else with commas rather than English words.
  function list(words, type) {
    try {
      if (Intl.ListFormat.supportedLocalesOf([lang]).length) {
        return new Intl.ListFormat(lang, { type: type || "unit" }).format(words);
      }
    } catch (error) {  // an old browser
    }
    return words.join(", ");
  }

  // "3 places" in the reader's language's plural forms. The page gives the words for a few sample counts
  // ({"1": "{num} place", "2": ..., "100": "{num} places"}); Intl.PluralRules says which a count takes.
  function plural(samples) {
    var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
    var category = function (count) {
      return rules ? rules.select(count) : (count === 1 ? "one" : "other");
    };
    var byCategory = {};
    Object.keys(samples || {}).forEach(function (sample) {
      var key = category(Number(sample));
      if (!(key in byCategory)) {
        byCategory[key] = samples[sample];
      }
    });
    return function (count) {
      return fill(byCategory[category(count)] || (samples || {})["100"] || "{num}", { num: number(count) });
    };
  }

  // The reader's position, asked once when they press a button: it stays on the phone (found({lat, lon})),
  // and failed() is called when the browser has none to give or the reader says no.
  function position(found, failed) {
    if (!navigator.geolocation) {
      failed();
      return;
    }
    navigator.geolocation.getCurrentPosition(function (where) {
      found({ lat: where.coords.latitude, lon: where.coords.longitude });
    }, function () {
      failed();
    }, { enableHighAccuracy: false, timeout: 20000, maximumAge: 0 });
  }

  // Metres between a position ({lat, lon}) and a point, along the Earth's surface (haversine).
  var EARTH_RADIUS_METRES = 6371008.8;

  function distance(from, lat, lon) {
    var radians = Math.PI / 180;
    var dLat = (lat - from.lat) * radians;
    var dLon = (lon - from.lon) * radians;
    var a = Math.pow(Math.sin(dLat / 2), 2) +
      Math.cos(from.lat * radians) * Math.cos(lat * radians) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  // "350 m away, about 4 minutes on foot": the page's sentence with {distance} and {time} filled in.
  var WALKING_METRES_PER_MINUTE = 80;

  function away(metres, sentence) {
    var length = metres >= 1000
      ? number(Math.round(metres / 100) / 10, { style: "unit", unit: "kilometer", maximumFractionDigits: 1 })
      : number(Math.max(10, Math.round(metres / 10) * 10), { style: "unit", unit: "meter" });
    var minutes = Math.max(1, Math.round(metres / WALKING_METRES_PER_MINUTE));
    return fill(sentence, { distance: length, time: number(minutes, { style: "unit", unit: "minute", unitDisplay: "long" }) });
  }

  window.sosWords = {
    lang: lang, fill: fill, number: number, list: list, plural: plural, position: position, distance: distance,
    away: away,
  };
})();
