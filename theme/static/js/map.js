/* The venue map, built from data: Leaflet's options as folium set them (data-map on the map's element),
   the places from a JSON file (data-places), each popup a copy of the page's <template data-map-popup>
   with the place's facts filled in as text. Nothing of a venue is ever run as code, and the page needs no
   inline script. Calmer motion for those who ask, named clusters, focus that follows a popup opened from
   the keyboard; the directory's filters in the address (js/filters.js decides, as on the directory);
   "Show where I am"; and map/#<slug> opens that place's popup. Loaded (deferred) after Leaflet and
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
  // (js/open-now.js), before Leaflet measures the popup, so it fits.
  L.Popup.addInitHook(function () {
    this.on("contentupdate", function () {
      var element = this.getElement();
      if (window.sosOpenNow && element) {
        window.sosOpenNow.render(element);
      }
    });
  });

  // An address with the directory's filters (?offer=&lang=&access=&open=1&q=) fetches js/filters.js
  // and js/map-filters.js, which show only the places asked for; a map opened without filters never
  // downloads them. Until they have run, the places stay hidden (css/map.css).
  var FILTERED = /[?&](q|offer|lang|access|open)=/;
  var scripts = document.currentScript ? document.currentScript.src.replace(/[^/]*$/, "") : "";

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
  // The popup: a copy of the page's template, with the place's facts set as text and attributes only.
  var popupTemplate = document.querySelector("template[data-map-popup]");

  function popupFor(place, siteUrl) {
    var content = popupTemplate.content.firstElementChild.cloneNode(true);
    var link = content.querySelector("[data-place-link]");
    link.setAttribute("href", siteUrl + place.url);
    content.querySelector("[data-place-name]").textContent = place.name;
    content.querySelector("[data-place-address]").textContent = place.address;
    var example = content.querySelector("[data-place-example]");
    if (example && !place.example) {
      example.parentNode.removeChild(example);
    }
    var status = content.querySelector("[data-open-status]");
    if (status && place.open) {
      status.setAttribute("data-open-from", place.open.from);
      status.setAttribute("data-open-days", String(place.open.days));
      status.setAttribute("data-open-hours", place.open.hours);
    }
    return content;
  }

  function markerFor(place, siteUrl) {
    // title and alt name the focusable marker after its place; the rest is what js/filters.js chooses by.
    var marker = L.marker([place.lat, place.lon], {
      title: place.name, alt: place.name, slug: place.slug, kind: place.kind,
      offers: place.offers, langs: place.langs, access: place.access,
    });
    marker.sosPlace = place;
    marker.bindPopup(function () {
      return popupFor(place, siteUrl);
    });
    return marker;
  }

  // map/#<slug>: centre the map on that place and open its popup (zooming into its cluster if need be).
  function showPlace(map, group, marker) {
    if (!marker || !group.hasLayer(marker)) {
      return;
    }
    map.setView(marker.getLatLng(), Math.max(map.getZoom(), map.getMaxZoom() ? Math.min(16, map.getMaxZoom()) : 16),
      { animate: false });
    group.zoomToShowLayer(marker, function () {
      marker.openPopup();
    });
  }

  function placeInAddress(markers) {
    var slug = decodeURIComponent(window.location.hash.slice(1));
    return slug && Object.prototype.hasOwnProperty.call(markers, slug) ? markers[slug] : null;
  }

  function start(element) {
    var config = JSON.parse(element.getAttribute("data-map"));
    var siteUrl = element.getAttribute("data-site-url") || "";
    var map = L.map(element, L.extend({ center: config.center, crs: L.CRS[config.crs] }, config.map));
    L.tileLayer(config.tiles.url, config.tiles.options).addTo(map);
    if (config.fit) {
      map.fitBounds(config.fit.bounds, config.fit.options);
    }
    var group = L.markerClusterGroup(config.cluster);
    var filtered = scripts && FILTERED.test(window.location.search);
    if (filtered) {
      document.documentElement.classList.add("sos-map-filtering");
    }
    fetch(element.getAttribute("data-places"))
      .then(function (response) {
        if (!response.ok) {
          throw new Error("the map's places did not come: " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        var bySlug = {};
        var markers = data.places.map(function (place) {
          var marker = markerFor(place, siteUrl);
          bySlug[place.slug] = marker;
          return marker;
        });
        group.sosPlaces = markers;  // in the file's order, for js/map-filters.js
        group.addLayers(markers);
        map.addLayer(group);
        startLocate(map);
        if (filtered) {
          filterLater(map, group);
        }
        var asked = placeInAddress(bySlug);
        if (asked) {
          element.scrollIntoView({ block: "end" });
          showPlace(map, group, asked);
        }
        window.addEventListener("hashchange", function () {
          showPlace(map, group, placeInAddress(bySlug));
        });
      })
      .catch(function (error) {
        document.documentElement.classList.remove("sos-map-filtering");
        throw error;
      });
  }

  var element = document.querySelector(".sos-venue-map[data-map]");
  if (element && popupTemplate && window.fetch) {
    start(element);
  }
})();
