"""journeyops: customer journey management as code."""

# The one place the version is written (pyproject.toml reads it from here): looking it up
# in the installed metadata costs every run 20 ms of importing importlib.metadata.
__version__ = "0.1.0"

__all__ = ["__version__"]
