"""The shop's data: products, customers, order lines, orders and receipts."""
from dataclasses import dataclass, field

from .errors import InvalidOrder


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    price_cents: int
    category: str = "misc"

    @property
    def price(self):
        return self.price_cents / 100


@dataclass(frozen=True)
class Customer:
    name: str
    tier: str = "basic"


@dataclass
class OrderLine:
    product: Product
    quantity: int = 1

    @property
    def total_cents(self):
        return self.product.price_cents * self.quantity


# Which status may follow which: anything else is a programming error.
_TRANSITIONS = {
    "new": ("priced", "rejected"),
    "priced": ("paid", "rejected"),
    "paid": ("shipped",),
}


class Order:
    """An order being built; numbered from a class-wide counter."""

    next_number = 1
    created = 0

    def __init__(self, customer, lines=None):
        self.number = Order.next_number
        Order.next_number += 1
        Order.created += 1
        self.customer = customer
        self.lines = list(lines or [])
        self._status = "new"
        self.history = ["new"]

    @property
    def status(self):
        return self._status

    @status.setter
    def status(self, value):
        if value not in _TRANSITIONS.get(self._status, ()):
            raise InvalidOrder(f"order {self.number}: cannot go from {self._status} to {value}")
        self._status = value
        self.history.append(value)

    @property
    def subtotal_cents(self):
        return sum(line.total_cents for line in self.lines)

    @property
    def item_count(self):
        return sum(line.quantity for line in self.lines)

    def add(self, product, quantity=1):
        if quantity <= 0:
            raise InvalidOrder(f"quantity must be positive, got {quantity}", sku=product.sku)
        for line in self.lines:
            if line.product.sku == product.sku:
                line.quantity += quantity
                return line
        line = OrderLine(product, quantity)
        self.lines.append(line)
        return line

    def __iter__(self):
        yield from self.lines

    def __len__(self):
        return len(self.lines)

    def __repr__(self):
        return f"Order(#{self.number}, {self.customer.name!r}, {len(self.lines)} lines, {self._status})"


@dataclass
class Receipt:
    order_number: int
    customer: str
    subtotal_cents: int
    discount_cents: int = 0
    tax_cents: int = 0
    applied: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)

    @property
    def total_cents(self):
        return self.subtotal_cents - self.discount_cents + self.tax_cents
