"""The version, in a module of its own: the lowest layers read it (cache digests, the CLI)."""

__version__ = "0.1.0"
