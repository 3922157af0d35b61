/* Set defaults for the venue map before folium's script makes it: calmer motion, named clusters,
   and focus that follows a popup opened from the keyboard. Loaded (deferred) after Leaflet and
   Leaflet.markercluster. */
(function () {
  "use strict";
  var L = window.L;
  if (!L || !L.MarkerClusterGroup) {
    return;
  }

  // Someone who asked their system for less motion gets no sliding, zooming or fading.
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  if (reduceMotion) {
    L.Map.mergeOptions({ zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false });
    L.MarkerClusterGroup.mergeOptions({ animate: false, animateAddingMarkers: false });
    // Panning (keys, popups moving into view) animates unless told not to, whatever the options.
    var panBy = L.Map.prototype.panBy;
    L.Map.include({
      panBy: function (offset, options) {
        return panBy.call(this, offset, L.extend({}, options, { animate: false }));
      },
    });
  }

  // A cluster is a focusable button; name it by what it holds rather than a bare number.
  var LabelledIcon = L.DivIcon.extend({
    createIcon: function (oldIcon) {
      var div = L.DivIcon.prototype.createIcon.call(this, oldIcon);
      div.setAttribute("aria-label", this.options.label);
      return div;
    },
  });
  L.MarkerClusterGroup.mergeOptions({
    iconCreateFunction: function (cluster) {
      var count = cluster.getChildCount();
      var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
      var mapElement = document.querySelector(".venue-map[data-cluster-label]");
      var label = mapElement ? mapElement.getAttribute("data-cluster-label") : "{count}";
      return new LabelledIcon({
        html: "<div><span>" + count + "</span></div>",
        className: "marker-cluster marker-cluster-" + size,
        iconSize: new L.Point(40, 40),
        label: label.replace("{count}", String(count)),
      });
    },
  });

  // Leaflet closes a popup on Escape only while the map itself has focus; also do it while a
  // marker or the popup's link has it.
  L.Map.addInitHook(function () {
    var map = this;
    L.DomEvent.on(map.getContainer(), "keydown", function (event) {
      if (event.key === "Escape") {
        map.closePopup();
      }
    });
  });

  // Opening a popup with Enter moves focus to its link; closing it brings focus back to the marker,
  // instead of leaving a keyboard user at the start of the page.
  L.Marker.addInitHook(function () {
    this.on("popupopen", function (event) {
      var icon = this.getElement();
      var link = event.popup.getElement().querySelector(".leaflet-popup-content a[href]");
      if (icon && link && document.activeElement === icon) {
        link.focus({ preventScroll: true });
      }
    });
    this.on("popupclose", function (event) {
      var icon = this.getElement();
      var popup = event.popup.getElement();
      var active = document.activeElement;
      if (icon && (active === document.body || (popup && popup.contains(active)))) {
        icon.focus({ preventScroll: true });
      }
    });
  });
})();
