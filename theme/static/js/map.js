/* The venue map, built from data: Leaflet's options as folium set them (data-map on the map's element),
   the markers from a JSON file (data-places), what their popups and the filters need from another
   (data-details), fetched on first use, each popup a copy of the page's <template data-map-popup>
   with the place's facts filled in as text. Nothing of a venue is ever run as code, and the page needs no
   inline script. Calmer motion for those who ask, named clusters, focus that follows a popup opened from
   the keyboard; the directory's filters in the address (js/filters.js decides, as on the directory);
   "Show where I am"; and map/#<slug> opens that place's popup. Clusters and the markers in view come
   from js/map-places.js (supercluster). Loaded (deferred) after Leaflet, supercluster and map-places.js. */
(function () {
  "use strict";
  var L = window.L;
  if (!L || !L.SosPlaceLayer) {
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

  // A cluster is a focusable button; name it by what it holds rather than a bare number, and by what
  // opening it does: zoom in, or (places that share one spot) list them.
  var LabelledIcon = L.DivIcon.extend({
    createIcon: function (oldIcon) {
      var div = L.DivIcon.prototype.createIcon.call(this, oldIcon);
      div.setAttribute("aria-label", this.options.label);
      return div;
    },
  });

  function clusterIcon(count, splits) {
    var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
    var across = count < 1000 ? 44 : 56;  // a finger-sized target, wide enough for four digits
    var label = (splits ? words.clusterLabel : words.clusterListLabel) || "{count}";
    return new LabelledIcon({
      html: "<div><span>" + Number(count) + "</span></div>",  // a number, never a venue's words
      className: "marker-cluster marker-cluster-" + size,
      iconSize: new L.Point(across, across),
      popupAnchor: new L.Point(0, -across / 2),  // a cluster's list opens above it, not on it
      label: window.sosWords.fill(label, { count: window.sosWords.number(count) }),
    });
  }

  // Opening a cluster from the keyboard zooms in and removes its icon, which would drop focus to the top
  // of the page: move focus to the first of what it became instead (the first in the order Tab takes).
  function focusFirst(event) {
    var active = document.activeElement;
    var map = event.layer._map || event.target._map;
    // Only for a reader whose focus was on the cluster, and is not somewhere else by now.
    if (!event.focused || (active && active !== document.body && !(map && active === map.getContainer()))) {
      return;
    }
    var elements = event.shown.map(function (layer) {
      return layer.getElement();
    }).filter(Boolean);
    elements.sort(function (a, b) {
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    if (elements.length) {
      elements[0].focus({ preventScroll: true });
    }
  }

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

  // What covers the map's edges: Leaflet's controls, and anything of the page's floating on it. Returns the
  // room to leave at the top and bottom, in pixels, so a popup or a place is never drawn under them;
  // covers narrower than wider (the zoom buttons, in a corner) are left out when given.
  function coveredEdges(map, wider) {
    var box = map.getContainer().getBoundingClientRect();
    var edges = { top: 0, bottom: 0 };
    var covers = Array.prototype.slice.call(map.getContainer().querySelectorAll(".leaflet-control"));
    covers = covers.concat(Array.prototype.slice.call(document.querySelectorAll("[data-map-locate-button]")));
    covers.forEach(function (cover) {
      var seen = cover.getBoundingClientRect();
      if (!seen.height || seen.bottom <= box.top || seen.top >= box.bottom || seen.width < (wider || 0)) {
        return;
      }
      if (seen.top - box.top < box.height / 2) {
        edges.top = Math.max(edges.top, seen.bottom - box.top);
      } else {
        edges.bottom = Math.max(edges.bottom, box.bottom - seen.top);
      }
    });
    return edges;
  }

  // A popup fits inside the map: no wider than the map, and moved into view clear of the controls (keepInView
  // brings it back if the map is dragged away). Its "open now" is worked out when it opens, at the reader's
  // time, in the page's words (js/open-now.js). Both before Leaflet measures and places it.
  var GAP = 8;
  L.Popup.mergeOptions({ keepInView: true });
  L.Popup.addInitHook(function () {
    this.on("contentupdate", function () {
      var element = this.getElement();
      var map = this._map;
      if (window.sosOpenNow && element) {
        window.sosOpenNow.render(element);
      }
      if (!map || !element) {
        return;
      }
      var close = element.querySelector(".leaflet-popup-close-button");
      if (close && words.close) {
        close.setAttribute("aria-label", words.close);
      }
      var content = element.querySelector(".leaflet-popup-content");
      var style = window.getComputedStyle(content);
      var across = parseFloat(style.marginLeft) + parseFloat(style.marginRight);
      var down = parseFloat(style.marginTop) + parseFloat(style.marginBottom);
      var tip = parseFloat(window.getComputedStyle(element).marginBottom) || 0;
      var size = map.getSize();
      var edges = coveredEdges(map);
      // Under the popup stands its marker, which should stay in view too: the popup opens this far above
      // the marker's point (Leaflet's popupAnchor, 34 px for its default marker).
      var icon = this._source && this._source.options.icon;
      var anchor = Math.max(icon && icon.options.popupAnchor ? -L.point(icon.options.popupAnchor).y : 0, 0);
      var top = edges.top + GAP;
      var bottom = edges.bottom + GAP + anchor;
      this.options.maxWidth = Math.max(120, Math.min(300, size.x - 2 * GAP - across));
      // On a short map (large text, a long heading) the popup's words scroll inside it rather than leave the
      // map; its marker may then go out of view under it (Leaflet keeps the top of a popup in view first).
      this.options.maxHeight = Math.max(4 * 16, size.y - top - edges.bottom - GAP - tip - down - 2);
      this.options.autoPanPaddingTopLeft = L.point(GAP, top);
      this.options.autoPanPaddingBottomRight = L.point(GAP, bottom);
    });
  });

  // An address with the directory's filters (?offer=&lang=&access=&open=1&q=) fetches js/filters.js
  // and js/map-filters.js, which show only the places asked for; a map opened without filters never
  // downloads them. Until they have run, the places stay hidden (css/map.css).
  var FILTERED = /[?&](q|offer|lang|access|open)=/;
  var scripts = document.currentScript ? document.currentScript.src.replace(/[^/]*$/, "") : "";

  function filterLater(map, layer, detailsFor) {
    var root = document.documentElement;
    var names = ["filters.js", "map-filters.js"];
    var filter = function () {
      if (window.sosFilters && window.sosMapFilters) {
        window.sosMapFilters(map, layer);
        // The sentence about the filters now stands above the map: the map still ends with the first screen.
        fillFirstScreen(map.getContainer());
        map.invalidateSize({ pan: false });
      }
      root.classList.remove("sos-map-filtering");  // and if a file did not come, show every place
    };
    var finish = function () {
      detailsFor().then(filter, function () {
        root.classList.remove("sos-map-filtering");
      });
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
    if (!box) {
      return;
    }
    if (!navigator.geolocation) {
      box.remove();
      return;
    }
    var button = box.querySelector("[data-map-locate-button]");
    var statusLine = box.querySelector("[data-map-locate-status]");
    var dot = null;
    button.addEventListener("click", function () {
      statusLine.textContent = box.dataset.locating;
      window.sosWords.position(function (position) {
        var here = L.latLng(position.lat, position.lon);
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
      });
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
    var example = content.querySelector("[data-place-example]");
    if (example) {
      example.hidden = true;  // until the details say it is one
    }
    // Until the hours have come, say nothing of them (js/open-now.js would say they are not known).
    var status = content.querySelector("[data-open-status]");
    if (status) {
      status.removeAttribute("data-open-status");
      status.setAttribute("data-open-later", "");
      status.hidden = true;
    }
    return content;
  }

  // The rest of the popup, once the details file has come: the address, the example tag, the hours.
  function fillDetails(content, place) {
    content.querySelector("[data-place-address]").textContent = place.address || "";
    var example = content.querySelector("[data-place-example]");
    if (example && place.example) {
      example.hidden = false;
    } else if (example) {
      example.parentNode.removeChild(example);
    }
    var status = content.querySelector("[data-open-later]");
    if (status) {
      status.removeAttribute("data-open-later");
      status.setAttribute("data-open-status", "");
      status.hidden = false;
    }
    if (status && place.open) {
      status.setAttribute("data-open-from", place.open.from);
      status.setAttribute("data-open-days", String(place.open.days));
      status.setAttribute("data-open-hours", place.open.hours);
    }
  }

  // One of the map's data files, read as JSON; a missing file is an error the console names.
  function fetchJson(url, what) {
    return fetch(url).then(function (response) {
      if (!response.ok) {
        throw new Error("the map's " + what + " did not come: " + response.status);
      }
      return response.json();
    });
  }

  // The details file (addresses, kinds, offers, languages, access, hours), in the places file's order:
  // fetched once, on the first popup or filter, so a map that is only looked at never downloads it.
  var details = null;

  function loadDetails(url, places) {
    if (!details) {
      details = fetchJson(url, "details")
        .then(function (data) {
          data.details.forEach(function (facts, index) {
            // With what js/filters.js chooses by, named as a directory's card carries it.
            L.extend(places[index], facts);
          });
        });
    }
    return details;
  }

  function markerFor(place, siteUrl, detailsFor) {
    // title and alt name the focusable marker after its place; the details add what js/filters.js chooses by.
    var marker = L.marker([place.lat, place.lon], { title: place.name, alt: place.name, slug: place.slug });
    marker.sosPlace = place;
    // Made on first use and kept: Leaflet asks again each time it updates an open popup.
    marker.bindPopup(function () {
      if (!marker.sosPopupContent) {
        var content = popupFor(place, siteUrl);
        marker.sosPopupContent = content;
        detailsFor().then(function () {
          fillDetails(content, place);
          var popup = marker.getPopup();
          if (popup && popup.isOpen()) {
            // Measured and placed again, its open status worked out (contentupdate). Leaflet puts the
            // content back in, which drops focus: give it back to what had it (the link, from the keyboard).
            var active = document.activeElement;
            var inside = content.contains(active);
            popup.update();
            if (inside && document.activeElement !== active) {
              active.focus({ preventScroll: true });
            }
          }
        });
      }
      return marker.sosPopupContent;
    });
    return marker;
  }

  // map/#<slug>: centre the map on that place, close enough to see the streets around it (closer if
  // it is in a cluster there), and open its popup.
  var PLACE_ZOOM = 16;

  function placeZoom(map) {
    return Math.max(map.getZoom(), Math.min(PLACE_ZOOM, map.getMaxZoom()));
  }

  function showPlace(map, layer, place) {
    if (!place || !layer.isShown(place)) {
      return;  // not a place, or filtered out
    }
    layer.reveal(place, placeZoom(map), function (marker) {
      marker.openPopup();
    });
  }

  function placeInAddress(bySlug) {
    var slug = decodeURIComponent(window.location.hash.slice(1));
    return slug && Object.prototype.hasOwnProperty.call(bySlug, slug) ? bySlug[slug] : null;
  }

  // Places that share one spot (one building, one postcode's point) stay together at the closest zoom:
  // their cluster opens a list of them instead, a copy of the page's <template data-map-cluster-list>.
  var listTemplate = document.querySelector("template[data-map-cluster-list]");

  function listPopup(places, siteUrl) {
    var content = listTemplate.content.firstElementChild.cloneNode(true);
    content.querySelector("[data-cluster-title]").textContent =
      window.sosWords.fill(words.clusterList || "{count}", { count: window.sosWords.number(places.length) });
    var item = content.querySelector("[data-place-item]");
    places.forEach(function (place) {
      var copy = item.cloneNode(true);
      copy.querySelector("[data-place-link]").setAttribute("href", siteUrl + place.url);
      copy.querySelector("[data-place-name]").textContent = place.name;
      item.parentNode.appendChild(copy);
    });
    item.parentNode.removeChild(item);
    return content;
  }

  // On a phone the map fills the first screen under the header and the heading: as tall as what is left
  // of the screen above its attribution, and never less than 18 rem (css/map.css caps it at 40 rem).
  function fillFirstScreen(element) {
    var attribution = document.querySelector("[data-map-attribution]");
    var rem = parseFloat(window.getComputedStyle(document.documentElement).fontSize) || 16;
    var top = element.getBoundingClientRect().top + window.pageYOffset;
    var left = window.innerHeight - top - (attribution ? attribution.offsetHeight : 0);
    element.style.height = Math.round(Math.max(left, 18 * rem)) + "px";
  }

  function start(element) {
    // Asked for first, so the places come over the network while the map is set up.
    var placesFile = fetchJson(element.getAttribute("data-places"), "places");
    var config = JSON.parse(element.getAttribute("data-map"));
    var siteUrl = element.getAttribute("data-site-url") || "";
    // Our own pin, drawn as a vector: sharp on every screen, and a third of the bytes of Leaflet's
    // picture (which phones with sharp screens fetch at twice the size).
    // Naming the folder also stops Leaflet from probing its stylesheet for its own picture's folder.
    var pin = element.getAttribute("data-pin");
    if (pin) {  // a page without one keeps Leaflet's own picture
      L.Icon.Default.imagePath = pin.slice(0, pin.lastIndexOf("/") + 1);
      pin = pin.slice(pin.lastIndexOf("/") + 1);
      L.Icon.Default.mergeOptions({ iconUrl: pin, iconRetinaUrl: pin });
    }
    fillFirstScreen(element);
    var map = L.map(element, L.extend({ center: config.center, crs: L.CRS[config.crs] }, config.map));
    window.addEventListener("resize", function () {
      fillFirstScreen(element);  // before Leaflet's own resize handler, which runs on the next frame
    });
    // The attribution goes under the map, in the page, so that no place is ever drawn under it.
    var attribution = document.querySelector("[data-map-attribution]");
    if (attribution && map.attributionControl) {
      attribution.appendChild(map.attributionControl.getContainer());
    }
    L.tileLayer(config.tiles.url, config.tiles.options).addTo(map);
    startLocate(map);
    // Now that the attribution has its words (and its height), the map takes what is left of the screen.
    fillFirstScreen(element);
    map.invalidateSize({ pan: false });
    if (config.fit) {
      // Every place in view and clear of anything spanning the top of the map; the zoom buttons take
      // one corner only, and leaving their height free would zoom a small map out a step.
      // A marker stands above its point: the top needs its height too.
      var padding = L.point(config.fit.options.padding || [0, 0]);
      var edges = coveredEdges(map, map.getSize().x / 4);
      var tall = L.point(L.Icon.Default.prototype.options.iconSize).y;
      map.fitBounds(config.fit.bounds, L.extend({}, config.fit.options, {
        padding: null,
        paddingTopLeft: L.point(padding.x, Math.max(padding.y, edges.top + GAP + tall)),
        paddingBottomRight: L.point(padding.x, Math.max(padding.y, edges.bottom + GAP)),
      }));
    }
    var filtered = scripts && FILTERED.test(window.location.search);
    if (filtered) {
      document.documentElement.classList.add("sos-map-filtering");
    }
    placesFile
      .then(function (data) {
        var places = data.places;
        var bySlug = {};
        places.forEach(function (place) {
          bySlug[place.slug] = place;
        });
        var detailsFor = function () {
          return loadDetails(element.getAttribute("data-details"), places);
        };
        var layer = L.sosPlaceLayer(places, L.extend({}, config.cluster, {
          marker: function (place) {
            return markerFor(place, siteUrl, detailsFor);
          },
          cluster: clusterIcon,
          list: function (places) {
            return listPopup(places, siteUrl);
          },
        }));
        layer.on("clusteropened", focusFirst);
        var asked = placeInAddress(bySlug);
        if (asked) {
          // Without JavaScript map/#<slug> lands on the place in the list; here the map shows it instead.
          window.scrollTo(0, 0);
        }
        map.addLayer(layer);  // draws the places in view
        element.setAttribute("data-map-ready", "");  // every place in view is drawn
        if (asked) {
          showPlace(map, layer, asked);
        }
        if (filtered) {
          filterLater(map, layer, detailsFor);
        }
        window.addEventListener("hashchange", function () {
          var place = placeInAddress(bySlug);
          if (place) {
            window.scrollTo(0, 0);  // the browser went to the place in the list: show the map instead
            showPlace(map, layer, place);
          }
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
