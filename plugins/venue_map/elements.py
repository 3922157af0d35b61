"""Hold the folium elements we render differently from folium's own."""

from __future__ import annotations

import folium
from branca.element import MacroElement
from folium.template import Template


class VenueMap(folium.Map):
    """Render a folium map made to sit inside our page rather than to be the page."""

    # folium's own header sets a viewport meta with `user-scalable=no` (blocks pinch zoom), styles
    # `html, body` to full height and relies on jQuery; this template has no header at all (the size
    # comes from css/map.css) and names the map container, which Leaflet makes focusable, by the
    # page's heading, so the name is in the reader's language.

    _template = Template(
        """
        {% macro html(this, kwargs) %}
            <div class="folium-map sos-venue-map" id={{ this.get_name()|tojson }} role="region"
                aria-labelledby="{{ this.label_id|e }}"></div>
        {% endmacro %}

        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.map(
                {{ this.get_name()|tojson }},
                {
                    center: {{ this.location|tojson }},
                    crs: L.CRS.{{ this.crs }},
                    ...{{ this.options|tojavascript }}
                }
            );
        {% endmacro %}
        """
    )

    def __init__(self, *args, label_id: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_id = label_id  # the page's heading names the map, in the page's language


class BindPopup(MacroElement):
    """Bind ready-made, already escaped popup HTML to the parent marker."""

    # folium's Popup builds its content with jQuery inside a JavaScript template literal and does not
    # escape `${`, so venue text could run as code; here the HTML travels as a JSON string literal
    # (with <, >, & and ' escaped by `tojavascript`), which is inert in a <script>.

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.bindPopup({{ this.html|tojavascript }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str):
        super().__init__()
        self._name = "BindPopup"
        self.html = html
