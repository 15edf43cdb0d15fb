"""macrodesk: Chinese macro research articles in, a checked daily research post out."""

__version__ = "0.1.0"
