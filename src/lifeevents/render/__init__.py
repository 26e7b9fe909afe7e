"""Maps of journeys: blueprint, journey map and checklist views, in several formats."""
