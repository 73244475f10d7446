"""Stock levels and reservations; reservations wait on the (simulated) warehouse."""
import asyncio
from collections import defaultdict

from unsync import unsync

from ..errors import OutOfStock


class Inventory:
    reservations = 0  # successful reservations, over every inventory

    def __init__(self, stock):
        self._stock = dict(stock)
        self._reserved = defaultdict(int)
        self.journal = []

    def available(self, sku):
        return self._stock.get(sku, 0) - self._reserved[sku]

    @unsync
    async def reserve(self, sku, quantity):
        await asyncio.sleep(0.001)  # the warehouse answers asynchronously
        left = self.available(sku)
        if quantity > left:
            self.journal.append(f"refused {sku} x{quantity}")
            raise OutOfStock(sku, quantity, left)
        self._reserved[sku] += quantity
        Inventory.reservations += 1
        self.journal.append(f"reserved {sku} x{quantity}")
        return left - quantity

    @unsync
    async def reserve_all(self, lines):
        """Reserves every line or none: a refusal releases what was taken."""
        taken = []
        try:
            for line in lines:
                await self.reserve(line.product.sku, line.quantity)
                taken.append(line)
        except OutOfStock:
            for line in taken:
                self._reserved[line.product.sku] -= line.quantity
                self.journal.append(f"released {line.product.sku} x{line.quantity}")
            raise
        return len(taken)

    @unsync
    def restock(self, sku, quantity):
        """Runs on a thread: a supplier call that blocks."""
        self._stock[sku] = self._stock.get(sku, 0) + quantity
        self.journal.append(f"restocked {sku} +{quantity}")
        return self._stock[sku]

    def snapshot(self):
        return {sku: self.available(sku) for sku in sorted(self._stock)}
