"""Errors of the shop: one base, so a caller can catch everything the shop raises on purpose."""


class ShopError(Exception):
    """Base of the shop's errors; `code` names the family in messages."""

    code = "shop"
    raised = 0  # how many shop errors were created, counted through the class

    def __init__(self, message, *, sku=None):
        super().__init__(message)
        self.sku = sku
        ShopError.raised += 1

    def describe(self):
        where = f" [{self.sku}]" if self.sku else ""
        return f"{self.code}: {self}{where}"


class OutOfStock(ShopError):
    code = "stock"

    def __init__(self, sku, wanted, available):
        super().__init__(f"wanted {wanted}, only {available} left", sku=sku)
        self.wanted = wanted
        self.available = available

    @property
    def shortfall(self):
        return self.wanted - self.available


class PaymentDeclined(ShopError):
    code = "payment"


class TransientGatewayError(PaymentDeclined):
    """The gateway did not answer in time: worth retrying."""

    code = "gateway"


class InvalidOrder(ShopError, ValueError):
    """Both a shop error and a ValueError, so generic validation code catches it too."""

    code = "invalid"
