/* Set defaults for the venue map before folium's script makes it: calmer motion, named clusters,
   and focus that follows a popup opened from the keyboard. Then, when the places join the map, show
   only those the directory's filters in the address choose (js/filters.js decides, as on the
   directory), and offer "Show where I am". Loaded (deferred) after Leaflet and
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

  // Tiles are 256 px pictures. On a screen with 1.5 or more device pixels to each CSS pixel (most
  // phones) they look soft, and street names blur: there, ask for four tiles of the next zoom in the
  // place of each (Leaflet's detectRetina). That is about four times the tile data, so not when the
  // browser says its reader wants to save data, or measures a connection no faster than 3G.
  var connection = navigator.connection || {};
  var slow = /^(slow-2g|2g|3g)$/.test(connection.effectiveType || "");
  L.TileLayer.mergeOptions({ detectRetina: window.devicePixelRatio >= 1.5 && !connection.saveData && !slow });

  // Markers go without Leaflet's shadow: a 41 px picture with no sharp version, soft on a phone's
  // screen, and one download less.
  L.Icon.Default.include({
    createShadow: function () {
      return null;
    },
  });

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
  // (js/open-now.js), and an example place's tag gets the page's word; before Leaflet measures the popup, so it fits.
  L.Popup.addInitHook(function () {
    this.on("contentupdate", function () {
      var element = this.getElement();
      if (element && words.example) {
        Array.prototype.forEach.call(element.querySelectorAll("[data-example-tag]"), function (tag) {
          tag.textContent = words.example;
        });
      }
      if (window.sosOpenNow && element) {
        window.sosOpenNow.render(element);
      }
    });
  });

  // The places join the map in one cluster group, after folium's script has added every marker to it.
  // An address with the directory's filters (?offer=&lang=&access=&open=1&q=) then fetches
  // js/filters.js and js/map-filters.js, which show only the places asked for; a map opened without
  // filters never downloads them. Until they have run, the places stay hidden (css/map.css).
  var FILTERED = /[?&](q|offer|lang|access|open)=/;
  var scripts = document.currentScript ? document.currentScript.src.replace(/[^/]*$/, "") : "";
  var clusterOnAdd = L.MarkerClusterGroup.prototype.onAdd;
  L.MarkerClusterGroup.include({
    onAdd: function (map) {
      var first = !this.sosPlaces;
      if (first) {
        this.sosPlaces = this.getLayers().reverse();  // in the order they were added
      }
      clusterOnAdd.call(this, map);
      if (first) {
        startLocate(map);
        if (scripts && FILTERED.test(window.location.search)) {
          filterLater(map, this);
        }
      }
    },
  });

  function filterLater(map, group) {
    var root = document.documentElement;
    var names = ["filters.js", "map-filters.js"];
    var finish = function () {
      if (window.sosFilters && window.sosMapFilters) {
        window.sosMapFilters(map, group);
      }
      root.classList.remove("sos-map-filtering");  // and if a file did not come, show every place
    };
    var next = function () {
      var name = names.shift();
      if (!name) {
        finish();
        return;
      }
      var script = document.createElement("script");
      script.src = scripts + name;
      script.onload = next;
      script.onerror = finish;
      document.head.appendChild(script);
    };
    root.classList.add("sos-map-filtering");
    next();
  }

  // Show where I am: the browser gives the position, the map moves to it on the phone, and a dot
  // marks it. The position is sent nowhere; the zoom stays, so the map asks the tile server for no
  // closer pictures than before.
  function startLocate(map) {
    var box = document.querySelector("[data-map-locate]");
    if (!box || !navigator.geolocation) {
      return;
    }
    var button = box.querySelector("[data-map-locate-button]");
    var statusLine = box.querySelector("[data-map-locate-status]");
    var dot = null;
    box.hidden = false;
    button.addEventListener("click", function () {
      statusLine.textContent = box.dataset.locating;
      navigator.geolocation.getCurrentPosition(function (position) {
        var here = L.latLng(position.coords.latitude, position.coords.longitude);
        if (!dot) {
          // Not a place to open: no focus stop, no click target.
          dot = L.circleMarker(here, {
            radius: 10, weight: 3, color: "#fff", fillColor: "#1d70b8", fillOpacity: 1,
            interactive: false, className: "sos-venue-map__you",
          }).addTo(map);
        }
        dot.setLatLng(here);
        map.setView(here, map.getZoom(), { animate: !reduceMotion });
        statusLine.textContent = box.dataset.located;
      }, function () {
        statusLine.textContent = box.dataset.noPosition;
      }, { enableHighAccuracy: false, timeout: 20000, maximumAge: 0 });
    });
  }

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
