"""The pipeline from an article file to attributed quote records."""
