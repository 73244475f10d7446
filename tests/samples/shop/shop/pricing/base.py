"""The rule interface every discount implements, and a mixin for a readable label."""
from abc import ABC, abstractmethod


class DescribedMixin:
    """Gives a rule a label; cooperative, so it passes the other keywords along the MRO."""

    def __init__(self, *, label="", **kwargs):
        super().__init__(**kwargs)
        self.label = label

    def describe(self):
        return f"{type(self).__name__}({self.label or '-'})"


class PricingRule(ABC):
    """A discount: `discount` says how much, `apply` also counts the rules that took effect."""

    applied = 0  # rules that gave a discount, over all orders

    def __init__(self, *, priority=0):
        self.priority = priority
        self.hits = 0

    @abstractmethod
    def discount(self, order, subtotal):
        """The discount in cents for `order` whose running subtotal is `subtotal`."""

    def apply(self, order, subtotal):
        amount = self.discount(order, subtotal)
        if amount:
            PricingRule.applied += 1
            self.hits += 1
        return min(amount, subtotal)

    def __lt__(self, other):
        return (self.priority, type(self).__name__) < (other.priority, type(other).__name__)
