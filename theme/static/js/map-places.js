/* L.sosPlaceLayer: the places on the map, clustered by supercluster (vendor/supercluster). One index of
   every place, built in one go; Leaflet markers only for the places and clusters in the current view,
   made again when the view moves, so the work and the page grow with what is in view, not with the
   network. Places that stay together at the map's closest zoom (the same building, the same postcode's
   point) make a cluster that lists them instead of splitting. How a place or a cluster looks and what
   it does is js/map.js's: it passes marker(place) and cluster(count, splits). Loaded (deferred) after
   Leaflet and supercluster, before js/map.js. */
(function () {
  "use strict";
  var L = window.L;
  var Supercluster = window.Supercluster;
  if (!L || !Supercluster) {
    return;
  }

  // Leaflet's tiles are 256 px: an index of that extent counts its radius in the map's own pixels.
  var EXTENT = 256;
  // Markers around the view are made too, a view's width and height on each side (as Leaflet.markercluster
  // did): a pan, or a popup moving into view, keeps the places a keyboard user is going through.
  var MARGIN = 1;

  L.SosPlaceLayer = L.LayerGroup.extend({
    options: {
      radius: 48,  // places closer than this many pixels share a cluster
      marker: null,  // function (place): the place's L.Marker
      cluster: null,  // function (count, splits): a cluster's L.Icon; splits is false for one that only lists
      list: null,  // function (places): the content of the popup listing a cluster that cannot split
    },

    initialize: function (places, options) {
      L.LayerGroup.prototype.initialize.call(this, [], options);
      this._all = places;
      this._shown = places;
      this._order = {};  // by slug: where the place stands in the places file
      places.forEach(function (place, position) {
        this._order[place.slug] = position;
      }, this);
      this._markers = {};  // by slug: made on first sight, kept (an open popup stays with its marker)
      this._drawn = {};  // by key ("p" + slug, "c" + cluster id): what is on the map now
      this._pinned = null;  // a place asked for by name, shown on its own though it shares a cluster
    },

    // Every place, in the places file's order.
    places: function () {
      return this._all;
    },

    // The places to show (js/map-filters.js): the index is built again from them.
    setPlaces: function (places) {
      this._shown = places;
      this._index = null;
      this._pinned = null;
      this._clear();
      this.redraw();
      return this;
    },

    shownPlaces: function () {
      return this._shown;
    },

    isShown: function (place) {
      return this._shown.indexOf(place) !== -1;
    },

    onAdd: function (map) {
      L.LayerGroup.prototype.onAdd.call(this, map);
      map.on("moveend", this.redraw, this);
      this.redraw();
    },

    onRemove: function (map) {
      map.off("moveend", this.redraw, this);
      this._clear();
      L.LayerGroup.prototype.onRemove.call(this, map);
    },

    _indexed: function () {
      if (!this._index) {
        this._index = new Supercluster({
          radius: this.options.radius,
          extent: EXTENT,
          // Clusters up to the closest zoom; one still there cannot split, and lists its places.
          maxZoom: this._map.getMaxZoom(),
        }).load(this._shown.map(function (place) {
          return { type: "Feature", geometry: { type: "Point", coordinates: [place.lon, place.lat] }, properties: place };
        }));
        this._clusters = {};  // cluster ids belong to one index
      }
      return this._index;
    },

    _clear: function () {
      for (var key in this._drawn) {
        this.removeLayer(this._drawn[key]);
      }
      this._drawn = {};
    },

    // Draw what the view holds: markers for places alone, one for each cluster; keep what is already there.
    redraw: function () {
      var map = this._map;
      if (!map) {
        return;
      }
      var bounds = map.getBounds().pad(MARGIN);
      var zoom = Math.round(map.getZoom());
      var features = this._indexed().getClusters(
        [Math.max(bounds.getWest(), -180), Math.max(bounds.getSouth(), -85),
          Math.min(bounds.getEast(), 180), Math.min(bounds.getNorth(), 85)], zoom);
      var wanted = {};
      for (var i = 0; i < features.length; i++) {
        var feature = features[i];
        var key = feature.properties.cluster ? "c" + feature.properties.cluster_id : "p" + feature.properties.slug;
        wanted[key] = feature.properties.cluster ? this._clusterMarker(feature) : this.markerOf(feature.properties);
      }
      var pinned = this._pinned;
      if (pinned) {
        wanted["p" + pinned.slug] = this.markerOf(pinned);
      }
      for (var old in this._drawn) {
        var layer = this._drawn[old];
        // What has focus stays (at the same zoom, where it still means the same), or focus would fall to the page.
        var element = layer.getElement && layer.getElement();
        if (!wanted[old] && element && element === document.activeElement && (zoom === this._zoom || !layer.sosCluster)) {
          wanted[old] = layer;
        }
        if (!wanted[old]) {
          this.removeLayer(layer);
        }
      }
      for (var key2 in wanted) {
        if (!this._drawn[key2]) {
          this.addLayer(wanted[key2]);
        }
      }
      this._drawn = wanted;
      this._zoom = zoom;
      this.fire("redraw");
    },

    markerOf: function (place) {
      var marker = this._markers[place.slug];
      if (!marker) {
        marker = this._markers[place.slug] = this.options.marker(place);
      }
      return marker;
    },

    _clusterMarker: function (feature) {
      var id = feature.properties.cluster_id;
      var marker = this._clusters[id];
      if (!marker) {
        var index = this._index;
        var splits = index.getClusterExpansionZoom(id) <= this._map.getMaxZoom();
        var coordinates = feature.geometry.coordinates;
        marker = this._clusters[id] = L.marker([coordinates[1], coordinates[0]], {
          icon: this.options.cluster(feature.properties.point_count, splits),
        });
        marker.sosCluster = { id: id, splits: splits };
        if (splits) {
          marker.on("click keypress", this._clusterClicked, this);
        } else {
          this._bindList(marker);
        }
      }
      return marker;
    },

    // The places a cluster holds, in the places file's order.
    placesIn: function (cluster) {
      var order = this._order;
      return this._leaves(cluster).sort(function (a, b) {
        return order[a.slug] - order[b.slug];
      });
    },

    _leaves: function (cluster) {
      return this._index.getLeaves(cluster.sosCluster.id, Infinity).map(function (leaf) {
        return leaf.properties;
      });
    },

    // A popup listing the places, made when it first opens (Leaflet opens it on a tap or Enter).
    _bindList: function (cluster) {
      var layer = this;
      var content = null;
      cluster.bindPopup(function () {
        if (!content) {
          content = layer.options.list(layer.placesIn(cluster));
        }
        return content;
      });
    },

    // Zoom to where the cluster splits; then say what it became (the markers drawn for its parts).
    _clusterClicked: function (event) {
      var cluster = event.target;
      if (event.type === "keypress" && event.originalEvent.keyCode !== 13) {
        return;
      }
      var index = this._index;
      var id = cluster.sosCluster.id;
      var zoom = index.getClusterExpansionZoom(id);
      var children = index.getChildren(id);
      while (children.length === 1 && children[0].properties.cluster) {
        children = index.getChildren(children[0].properties.cluster_id);
      }
      var keys = children.map(function (child) {
        return child.properties.cluster ? "c" + child.properties.cluster_id : "p" + child.properties.slug;
      });
      var layer = this;
      // Opening a cluster removes its icon: whoever had focus on it is given the first of what it became.
      var map = this._map;
      var focused = map.getContainer().contains(document.activeElement);
      // After the zoom, not after a pan still under way (Leaflet pans to a marker that takes focus).
      map.once("zoomend", function () {
        map.once("moveend", function () {
          var shown = keys.map(function (key) {
            return layer._drawn[key];
          }).filter(Boolean);
          layer.fire("clusteropened", { layer: cluster, shown: shown, focused: focused });
        });
      });
      map.setView(cluster.getLatLng(), zoom);
    },

    // Bring a place into view on its own (zooming past the clusters that hold it) and call done with its marker.
    reveal: function (place, zoom, done) {
      var map = this._map;
      map.setView([place.lat, place.lon], zoom, { animate: false });
      for (var step = 0; step < 25; step++) {
        if (this._drawn["p" + place.slug]) {
          break;
        }
        var holder = this._holder(place);
        if (!holder) {
          break;
        }
        var next = this._index.getClusterExpansionZoom(holder.sosCluster.id);
        if (!holder.sosCluster.splits || next <= map.getZoom()) {
          // It shares its spot with others: show it on top of them, until its popup closes.
          this._pin(place);
          break;
        }
        map.setView([place.lat, place.lon], next, { animate: false });
      }
      done(this.markerOf(place));
    },

    _holder: function (place) {
      for (var key in this._drawn) {
        var layer = this._drawn[key];
        if (layer.sosCluster && this._leaves(layer).indexOf(place) !== -1) {
          return layer;
        }
      }
      return null;
    },

    _pin: function (place) {
      var layer = this;
      var marker = this.markerOf(place);
      this._pinned = place;
      this.redraw();
      marker.once("popupclose", function () {
        if (layer._pinned === place) {
          layer._pinned = null;
          layer.redraw();
        }
      });
    },
  });

  L.sosPlaceLayer = function (places, options) {
    return new L.SosPlaceLayer(places, options);
  };
})();
