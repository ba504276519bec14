"""Migration revisions, applied in order by `loan-extractor db upgrade`."""
