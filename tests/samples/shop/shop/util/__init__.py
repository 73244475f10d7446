"""Helpers with no knowledge of the shop's data."""
from shop.util.decorators import Registry, counted, retry, timed
from shop.util.formatting import format_cents, percent, table

__all__ = ["Registry", "counted", "format_cents", "percent", "retry", "table", "timed"]
