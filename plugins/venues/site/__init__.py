"""Build the venue pages, listings, print sheets and open data."""
