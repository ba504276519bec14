"""loan-extractor: document processing for mortgage and consumer lending."""

__version__ = "0.1.0"
