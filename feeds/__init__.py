"""feeds: publish seed articles as Atom 1.0, RSS 2.0 and JSON Feed 1.1, and validate any feed."""

__version__ = "0.1.0"
