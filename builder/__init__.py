"""Service standards handbook: check YAML standards, score audits, build the site."""

__version__ = "0.1.0"
