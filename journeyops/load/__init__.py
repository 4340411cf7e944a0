"""Turning bytes into validated models with positions: the only layer that parses YAML."""
