"""Pricing: discount rules (registered by name) and the tax and checksum computations."""
from .base import DescribedMixin, PricingRule
from .rules import RULES, build_rules
