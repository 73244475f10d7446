"""The discount rules the shop knows, registered by name so a configuration can name them."""
import functools

from shop.util.decorators import Registry, counted

from .base import DescribedMixin, PricingRule

RULES = Registry("rule")


@functools.lru_cache(maxsize=None)
def tier_rate(tier):
    """Per-mille discount for a customer tier (cached: looked up for every order)."""
    return {"gold": 100, "silver": 50}.get(tier, 0)


@RULES.register()
class PercentOff(DescribedMixin, PricingRule):
    def __init__(self, percent, **kwargs):
        super().__init__(**kwargs)
        self.percent = percent

    def discount(self, order, subtotal):
        return subtotal * self.percent // 100


@RULES.register("bulk")
class BulkDiscount(DescribedMixin, PricingRule):
    """Cents off per item once an order has at least `threshold` items."""

    def __init__(self, threshold, per_item_cents, **kwargs):
        super().__init__(**kwargs)
        self.threshold = threshold
        self.per_item_cents = per_item_cents

    def discount(self, order, subtotal):
        if order.item_count < self.threshold:
            return 0
        return order.item_count * self.per_item_cents


@RULES.register()
class Loyalty(PricingRule):
    @counted
    def discount(self, order, subtotal):
        return subtotal * tier_rate(order.customer.tier) // 1000


@RULES.register("category")
class CategoryDeal(DescribedMixin, PricingRule):
    def __init__(self, category, cents, **kwargs):
        super().__init__(**kwargs)
        self.category = category
        self.cents = cents

    def discount(self, order, subtotal):
        return sum(self.cents * line.quantity for line in order if line.product.category == self.category)


def build_rules(config):
    """Rules from (name, kwargs) pairs, lowest priority first."""
    rules = [RULES[name](**kwargs) for name, kwargs in config]
    return sorted(rules)
