/* Exit this page, GOV.UK Frontend's pattern (components/exit_this_page.html): the button, or the Shift key
   pressed three times with less than five seconds between presses, blanks the page at once and replaces it
   with a neutral page. location.replace takes this page out of the tab's history, so Back does not return
   to it. Without this script the button is a plain link to the same neutral page. */
(function () {
  "use strict";
  var root = document.querySelector("[data-exit-this-page]");
  var button = root && root.querySelector(".sos-exit-this-page__button");
  if (!button) return;
  var PRESSES = 3;
  var WAIT = 5000; // milliseconds allowed between two presses of Shift, as GOV.UK allows
  var presses = 0;
  var lastKeyHadShift = false;
  var pressTimer = null;
  var messageTimer = null;
  var overlay = null;

  // What a screen reader hears while Shift is being pressed.
  var status = document.createElement("span");
  status.className = "sos-visually-hidden";
  status.setAttribute("role", "status");
  root.appendChild(status);

  // Three lights on the button, lit one per press of Shift.
  var lights = document.createElement("span");
  lights.className = "sos-exit-this-page__lights";
  lights.setAttribute("aria-hidden", "true");
  for (var i = 0; i < PRESSES; i++) {
    var light = document.createElement("span");
    light.className = "sos-exit-this-page__light";
    lights.appendChild(light);
  }
  button.appendChild(lights);

  function showPresses() {
    lights.classList.toggle("sos-exit-this-page__lights--visible", presses > 0);
    Array.prototype.forEach.call(lights.children, function (light, index) {
      light.classList.toggle("sos-exit-this-page__light--on", index < presses);
    });
  }

  function leave() {
    // Blank the page before anything else: on a slow connection the neutral page may take a while.
    overlay = document.createElement("div");
    overlay.className = "sos-exit-this-page__overlay";
    overlay.setAttribute("role", "alert");
    document.body.appendChild(overlay);
    document.body.classList.add("sos-body--exiting");
    var words = document.createElement("span");
    words.className = "sos-visually-hidden";
    words.textContent = root.dataset.activated || "";
    overlay.appendChild(words); // after the alert is in the page, so screen readers announce it
    window.location.replace(button.href);
  }

  function stopCounting(announce) {
    window.clearTimeout(pressTimer);
    pressTimer = null;
    presses = 0;
    showPresses();
    if (announce) {
      status.textContent = root.dataset.timedOut || "";
      messageTimer = window.setTimeout(function () { status.textContent = ""; }, WAIT);
    }
  }

  button.addEventListener("click", function (event) {
    event.preventDefault();
    leave();
  });

  document.addEventListener("keyup", function (event) {
    // Shift on its own: after Shift+A, the key up of Shift comes with the A's shiftKey flag set before it.
    if (event.key === "Shift" && !lastKeyHadShift) {
      presses += 1;
      showPresses();
      window.clearTimeout(messageTimer);
      if (presses >= PRESSES) {
        stopCounting(false);
        leave();
      } else {
        status.textContent = presses === 1 ? root.dataset.pressTwoMore || "" : root.dataset.pressOneMore || "";
        window.clearTimeout(pressTimer);
        pressTimer = window.setTimeout(function () { stopCounting(true); }, WAIT);
      }
    } else if (pressTimer) {
      stopCounting(true);
    }
    lastKeyHadShift = event.shiftKey;
  }, true);

  // A page restored from the back-forward cache would still be blank: show it again.
  window.addEventListener("pageshow", function () {
    document.body.classList.remove("sos-body--exiting");
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
    status.textContent = "";
    stopCounting(false);
  });
}());
