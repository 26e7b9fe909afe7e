"""The built-in library: journeys, regions, scenarios and the LeiKa catalogue, with sources."""
