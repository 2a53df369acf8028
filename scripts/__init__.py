"""Build and development tooling for the site (not shipped to the browser)."""
