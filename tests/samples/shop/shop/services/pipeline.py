"""Drives orders through pricing, stock and payment; the order of events is fixed by awaits."""
import asyncio
import itertools
from collections import deque

from unsync import Unfuture, unsync

from shop.errors import OutOfStock, PaymentDeclined, ShopError
from shop.models import Receipt
from shop.pricing.compute import checksum, tax_for
from shop.util.decorators import make_sequence

TAX_PER_MILLE = 80


class Pipeline:
    processed = 0
    failed = 0

    def __init__(self, inventory, gateway, rules):
        self.inventory = inventory
        self.gateway = gateway
        self.rules = rules
        self.events = deque(maxlen=6)  # only the latest events are kept
        self.receipt_id = make_sequence("R")
        self.outcomes = {}

    def _event(self, text):
        self.events.append(text)

    def price(self, order):
        subtotal = order.subtotal_cents
        receipt = Receipt(order.number, order.customer.name, subtotal)
        running = subtotal
        for rule in self.rules:
            cut = rule.apply(order, running)
            if cut:
                running -= cut
                receipt.applied.append((getattr(rule, "label", "") or type(rule).__name__, cut))
        receipt.discount_cents = subtotal - running
        order.status = "priced"
        return receipt

    @unsync
    async def process(self, order):
        receipt = self.price(order)
        try:
            await self.inventory.reserve_all(order.lines)
            [tax] = await tax_for([receipt.subtotal_cents - receipt.discount_cents], TAX_PER_MILLE)
            receipt.tax_cents = tax
            receipt.meta["auth"] = await self.gateway.charge(order.customer.name, receipt.total_cents)
        except ShopError as exc:
            order.status = "rejected"
            Pipeline.failed += 1
            self._event(f"#{order.number} rejected ({exc.code})")
            self.outcomes[order.number] = exc
            raise
        order.status = "paid"
        receipt.meta["id"] = self.receipt_id()
        Pipeline.processed += 1
        self._event(f"#{order.number} paid {receipt.total_cents}")
        self.outcomes[order.number] = receipt
        return receipt

    @unsync
    async def process_all(self, orders):
        """Processes orders one after another; a failure is recorded, not fatal."""
        queue = deque(orders)
        done = []
        while queue:
            order = queue.popleft()
            try:
                done.append(await self.process(order))
            except OutOfStock as exc:
                self._event(f"short {exc.sku} by {exc.shortfall}")
            except PaymentDeclined as exc:
                self._event(f"declined: {exc}")
        return done

    @unsync
    async def seal(self, receipt):
        """The receipt's checksum (a worker process), then its printable form (a continuation)."""
        text = f"{receipt.order_number}:{receipt.customer}:{receipt.total_cents}"
        sealed = checksum(text).then(lambda value: f"{text}#{value:07d}")
        return await sealed


@unsync
async def countdown(label, n, delay):
    """Yields to the loop n times; used to show two coroutines interleaving in a fixed way."""
    steps = []
    for i in range(n, 0, -1):
        steps.append(f"{label}{i}")
        await asyncio.sleep(delay)
    return steps


@unsync
async def warm_up():
    """Two countdowns started together and joined: each result keeps its own order."""
    a = countdown("a", 3, 0.001)
    b = countdown("b", 2, 0.001)
    first, second = await a, await b
    return list(itertools.chain(first, second))


def batched(items, size):
    """Yields lists of at most `size` items (itertools.batched is 3.12+, this is the portable one)."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def is_future(value):
    return isinstance(value, Unfuture)
