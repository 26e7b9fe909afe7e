"""Files to model and back: YAML with positions, located validation, references, the journey,
region and scenario files, the writer, the JSON Schema and atomic, confined file writing.
"""
