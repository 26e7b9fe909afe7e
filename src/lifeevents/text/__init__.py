"""Words for readers: the label catalogue, display names, findings and the text report."""
