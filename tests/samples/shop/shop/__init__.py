"""A small order-processing service: catalogue, pricing, inventory, payments and reports.

The package re-exports the names callers need, so `from shop import Order` works.
"""
from .errors import InvalidOrder, OutOfStock, PaymentDeclined, ShopError, TransientGatewayError
from .models import Customer, Order, OrderLine, Product, Receipt

__all__ = [
    "Customer", "InvalidOrder", "Order", "OrderLine", "OutOfStock", "PaymentDeclined",
    "Product", "Receipt", "ShopError", "TransientGatewayError",
]

VERSION = (1, 4, 2)
