"""factcheck: do several documents agree on the figures they report?"""

__version__ = "0.1.0"
