/* Open now: say whether each venue is open at the current time in the UK (Europe/London, every city's),
   whatever time zone the reader's device is in. Loaded with defer; without it the page keeps its
   week of hours and makes no "open now" claim, which would go stale.

   The page gives (from templates/components/open_status.html):
   - the words, in the reader's language: window.sosPageWords.openNow, from the language's words.js
     (one file a language, written by the build from templates/words.js), loaded just before this script;
   - per venue, an element with data-open-status, and when its hours are known
     data-open-from="YYYY-MM-DD" (build day), data-open-days="60" and
     data-open-hours="first-start length gap length gap ..." (minutes, London wall-clock time,
     counted from midnight at the start of data-open-from; empty when never open).

   API, for the directory's "open now" filter and the map:
   - sosOpenNow.stateOf(element, date) returns {state, text}: state is "open", "closed" or
     "unknown" (hours not known, or the date is outside the schedule); element is the status
     element or any element containing one (a card); date defaults to now.
   - sosOpenNow.isOpen(element, date) returns true only when the venue is open at date.
   - sosOpenNow.nextOpening(element, date) returns when the venue next opens, in London minutes (comparable
     between venues), the date itself when it is open then, or null when the schedule does not say.
   - sosOpenNow.schedule(from, days, hours) returns a place's schedule from data rather than the page (the
     directory's search index), with the attributes' values; stateOf, isOpen and nextOpening accept it too.
   - sosOpenNow.render(root) writes the state into every status element in root (default: document),
     and shows it. The page is rendered once on load and again every minute. */
(function () {
  "use strict";
  var DAY = 1440;
  var words = {};
  // From the language's words.js, loaded (deferred) just before this script.
  if (window.sosPageWords && window.sosPageWords.openNow) {
    words = window.sosPageWords.openNow;
  }
  var london = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London", year: "numeric", month: "numeric", day: "numeric",
    hour: "numeric", minute: "numeric", hourCycle: "h23",
  });

  // Minutes since 1970-01-01 00:00 on a London wall clock.
  function londonMinutes(date) {
    var parts = {};
    london.formatToParts(date).forEach(function (part) {
      parts[part.type] = parseInt(part.value, 10);
    });
    return Date.UTC(parts.year, parts.month - 1, parts.day) / 60000 + (parts.hour % 24) * 60 + parts.minute;
  }

  function holderOf(element) {
    if (element && element.intervals) {
      return element;
    }
    if (!element || !element.getAttribute) {
      return null;
    }
    return element.hasAttribute("data-open-status") ? element : element.querySelector("[data-open-status]");
  }

  // The hours as a status element's attributes carry them (from "YYYY-MM-DD", days, hours "first-start length
  // gap length ..."), made into London minutes once.
  function parse(from, days, hours) {
    var day = (from || "").split("-");
    var start = Date.UTC(+day[0], day[1] - 1, +day[2]) / 60000;
    var numbers = String(hours).split(" ").filter(Boolean).map(Number);
    var intervals = [];
    var at = start;
    for (var i = 0; i + 1 < numbers.length; i += 2) {
      intervals.push([at + numbers[i], at + numbers[i] + numbers[i + 1]]);
      at += numbers[i] + numbers[i + 1];
    }
    return { start: start, end: start + DAY * +days, intervals: intervals };
  }

  function scheduleOf(holder) {
    if (holder.intervals) {
      return holder;  // already a schedule, from sosOpenNow.schedule()
    }
    if (!holder.hasAttribute("data-open-hours")) {
      return null;
    }
    if (!holder.sosSchedule) {
      holder.sosSchedule = parse(holder.getAttribute("data-open-from"), holder.getAttribute("data-open-days"),
        holder.getAttribute("data-open-hours"));
    }
    return holder.sosSchedule;
  }

  function say(key, values) {
    var text = words[key] || "";
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(values[name]);
    });
    return text;
  }

  function timeWords(minute) {
    var inDay = ((minute % DAY) + DAY) % DAY;
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return (words.times && words.times[inDay]) || pad(Math.floor(inDay / 60)) + ":" + pad(inDay % 60);
  }

  function dayWords(minute) {
    var day = Math.floor(minute / DAY);
    return (words.days || [])[(day + 3) % 7] || "";  // 1 January 1970 was a Thursday; days start on Monday
  }

  function stateOf(element, date) {
    var holder = holderOf(element);
    if (!holder) {
      return null;
    }
    var schedule = scheduleOf(holder);
    if (!schedule) {
      return { state: "unknown", text: say("unknown") };
    }
    var now = londonMinutes(date || new Date());
    if (now < schedule.start) {
      return { state: "unknown", text: say("unknown") };
    }
    if (now >= schedule.end) {
      return { state: "unknown", text: say("after") };
    }
    var intervals = schedule.intervals;
    for (var i = 0; i < intervals.length; i++) {
      var opens = intervals[i][0];
      var closes = intervals[i][1];
      if (now < opens) {
        var days = Math.floor(opens / DAY) - Math.floor(now / DAY);
        var when = { time: timeWords(opens), day: dayWords(opens) };
        return { state: "closed", text: say(days === 0 ? "opensToday" : days === 1 ? "opensTomorrow" : "opensDay", when) };
      }
      if (now < closes) {
        if (closes >= schedule.end) {
          return { state: "open", text: say("openNow") };
        }
        // Midnight ends the day before it: "closes Monday midnight", not "Tuesday".
        var closing = { time: timeWords(closes), day: dayWords(closes - 1) };
        return { state: "open", text: say(closes - now < DAY ? "open" : "openDay", closing) };
      }
    }
    return { state: "closed", text: say("closed") + " " + say("after") };
  }

  function nextOpening(element, date) {
    var holder = holderOf(element);
    var schedule = holder && scheduleOf(holder);
    if (!schedule) {
      return null;
    }
    var now = londonMinutes(date || new Date());
    if (now < schedule.start || now >= schedule.end) {
      return null;
    }
    for (var i = 0; i < schedule.intervals.length; i++) {
      if (now < schedule.intervals[i][1]) {
        return Math.max(now, schedule.intervals[i][0]);
      }
    }
    return null;
  }

  function render(root) {
    var scope = root || document;
    var holders = Array.prototype.slice.call(scope.querySelectorAll("[data-open-status]"));
    if (scope.hasAttribute && scope.hasAttribute("data-open-status")) {
      holders.push(scope);
    }
    var now = new Date();
    holders.forEach(function (holder) {
      var result = stateOf(holder, now);
      if (!result.text) {
        return;  // no words on this page: keep what the server wrote
      }
      var text = holder.querySelector(".sos-open-status__text") || holder;
      if (text.textContent !== result.text) {
        text.textContent = result.text;
      }
      holder.setAttribute("data-open-state", result.state);
      holder.hidden = false;
    });
  }

  window.sosOpenNow = {
    stateOf: stateOf,
    isOpen: function (element, date) {
      var result = stateOf(element, date);
      return Boolean(result && result.state === "open");
    },
    nextOpening: nextOpening,
    render: render,
    schedule: parse,
  };
  render();
  window.setInterval(function () { render(); }, 60000);
})();
