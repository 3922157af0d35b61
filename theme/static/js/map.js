/* Set defaults for the venue map before folium's script makes it: calmer motion, named clusters,
   and focus that follows a popup opened from the keyboard. Loaded (deferred) after Leaflet and
   Leaflet.markercluster. */
(function () {
  "use strict";
  var L = window.L;
  if (!L || !L.MarkerClusterGroup) {
    return;
  }

  // The page's template gives the map's words in the reader's language (data-* on the map's wrapper).
  var wrapper = document.querySelector("[data-cluster-label]");
  var words = wrapper ? wrapper.dataset : {};
  if (words.zoomIn && words.zoomOut) {
    L.Control.Zoom.mergeOptions({ zoomInTitle: words.zoomIn, zoomOutTitle: words.zoomOut });
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
      var label = words.clusterLabel || "{count}";
      return new LabelledIcon({
        html: "<div><span>" + count + "</span></div>",
        className: "marker-cluster marker-cluster-" + size,
        iconSize: new L.Point(44, 44),  // a finger-sized target
        label: label.replace("{count}", String(count)),
      });
    },
  });

  // Opening a cluster from the keyboard zooms or spreads it and removes its icon, which would drop
  // focus to the top of the page: move focus to the first of its places instead.
  L.MarkerClusterGroup.addInitHook(function () {
    this.on("clusterclick clusterkeypress", function (event) {
      var group = this;
      var cluster = event.layer;
      var key = event.originalEvent && event.originalEvent.keyCode;
      if (event.type === "clusterkeypress" && key !== 13) {
        return;
      }
      // Leaflet may already have moved focus from the cluster to the map itself.
      var container = group._map && group._map.getContainer();
      if (!container || !container.contains(document.activeElement)) {
        return;
      }
      var children = cluster.getAllChildMarkers();
      var done = false;
      var focusFirstPlace = function () {
        if (done) {
          return;
        }
        done = true;
        for (var i = 0; i < children.length; i++) {
          var shown = group.getVisibleParent(children[i]);
          var element = shown && shown !== cluster && shown.getElement();
          if (element) {
            element.focus({ preventScroll: true });
            return;
          }
        }
      };
      group.once("animationend", focusFirstPlace);
      group.once("spiderfied", focusFirstPlace);
      window.setTimeout(focusFirstPlace, 500);
    });
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

  // A popup's "open now" is worked out when it opens, at the reader's time, in the page's words
  // (js/open-now.js); before Leaflet measures the popup, so it fits.
  L.Popup.addInitHook(function () {
    this.on("contentupdate", function () {
      if (window.sosOpenNow && this.getElement()) {
        window.sosOpenNow.render(this.getElement());
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
