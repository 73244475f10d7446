"""Runs a day of the shop: builds orders, prices, reserves, charges, and reports."""
import asyncio

from unsync import unsync

import shop
from shop import Customer, InvalidOrder, Order, Product, ShopError
from shop.pricing import RULES, PricingRule, build_rules
from shop.pricing.compute import checksum, fingerprint, tax_for
from shop.pricing.rules import tier_rate
from shop.reporting import (best_sellers, by_status, category_table, receipt_lines, running_totals,
                            sales_by_category, summary_json)
from shop.services.audit import TRACKED, AuditError, AuditLog, Batch, Entry, audit_chain, counts_by, section, summarize, totals
from shop.services.inventory import Inventory
from shop.services.payments import ATTEMPTS, Gateway, refund
from shop.services.pipeline import Pipeline, batched, is_future, warm_up
from shop.util import decorators

CATALOGUE = [
    Product("KB-01", "Keyboard", 4999, "input"),
    Product("MS-02", "Mouse", 1999, "input"),
    Product("MN-27", "Monitor 27in", 27900, "display"),
    Product("CB-10", "USB cable", 899, "cables"),
    Product("HD-05", "Headset", 7450, "audio"),
]

RULE_CONFIG = [
    ("loyalty", {"priority": 2}),
    ("bulk", {"threshold": 5, "per_item_cents": 50, "label": "bulk 5+", "priority": 1}),
    ("percentoff", {"percent": 5, "label": "spring sale", "priority": 3}),
    ("category", {"category": "cables", "cents": 100, "label": "cable deal"}),
]


def build_orders(products):
    alice, bob = Customer("alice", "gold"), Customer("bob")
    carol, dave = Customer("carol", "silver"), Customer("dave")
    plans = [
        (alice, [("KB-01", 1), ("MS-02", 2), ("CB-10", 3)]),
        (bob, [("MN-27", 2)]),
        (carol, [("HD-05", 1), ("CB-10", 1), ("HD-05", 1)]),
        (dave, [("MN-27", 1), ("KB-01", 1)]),
        (bob, [("MS-02", 1)]),
    ]
    orders = []
    for customer, lines in plans:
        order = Order(customer)
        for sku, qty in lines:
            order.add(products[sku], qty)
        orders.append(order)
    return orders


@unsync
async def open_shop(inventory):
    """Restocks on threads while the loop waits: awaiting a thread function from async code."""
    monitors = await inventory.restock("MN-27", 1)
    cables = inventory.restock("CB-10", 2)
    steps = await warm_up()
    return monitors, await cables, steps


def show_decorated_names():
    # functools.wraps keeps the names and docstrings of what the decorators wrap
    for fn in (Gateway._send, tier_rate, refund, checksum):
        doc = (fn.__doc__ or "").strip().split("\n")[0]
        print(f"  {fn.__name__:<10} {doc[:40]!r}")


def audit_day(receipts):
    """Context managers, class decorators, frozen ordered dataclasses and chained continuations."""
    with AuditLog.named("day", "1") as log:
        for r in receipts:
            log.record("Receipt Paid", f"#{r.order_number}")
        try:
            with section(log, "lookup"):
                {"a": 1}["b"]
        except AuditError as exc:
            print("audit:", exc, "| cause:", repr(exc.__cause__))
    with AuditLog("contained") as inner:
        raise AuditError("contained in __exit__")
    try:
        with AuditLog("escaping"):
            raise KeyError("boom")
    except KeyError as exc:
        print("escaped:", repr(exc))
    print("log:", log.name, log.kinds(), len(log.entries), inner.entries[-1].detail)
    print("summary:", summarize(log.entries))
    print("opened:", AuditLog.opened, "instances:", AuditLog.instances, TRACKED)
    first, last = log.entries[0], log.entries[-1]
    print("entries:", first, first < last, max(log.entries).kind, Entry(1, "x") == Entry(1, "x"), len({Entry(1, "x"), Entry(1, "x")}))
    try:
        first.kind = "changed"
    except AttributeError as exc:
        print("frozen entry:", type(exc).__name__, exc)
    print("chain:", audit_chain("receipt").result())
    b1, b2 = Batch("one"), Batch("two").add("x", 2).add("y").add("x")
    print("batches:", b1, b2, b1.items is not b2.items)
    print("totals:", totals([("a", 2), ("b", 5)]), counts_by(["x", "yy", "zz", "w"], len))
    print("formats:", "%-6s|%5.1f|%03d" % ("ab", 2.345, 7), "{name:>6}:{n:<4}|".format(name="k", n=3), format(1234567.891, ",.2f"), f"{'mid':^9}|{-42:+d}|{255:#x}|{0.5:.0%}|{3:b}")


def main():
    print(f"shop {'.'.join(map(str, shop.VERSION))}; exports {len(shop.__all__)} names")
    products = {p.sku: p for p in CATALOGUE}
    print("catalogue:", ", ".join(f"{p.sku}={p.price:.2f}" for p in sorted(CATALOGUE, key=lambda p: -p.price_cents)))

    try:
        CATALOGUE[0].price_cents = 1
    except AttributeError as exc:
        print("frozen:", type(exc).__name__)

    rules = build_rules(RULE_CONFIG)
    print("rules:", [r.describe() if hasattr(r, "describe") else type(r).__name__ for r in rules])
    print("registered:", RULES.names(), len(RULES), "bulk" in RULES, [c.__name__ for c in RULES["percentoff"].__mro__])
    try:
        PricingRule()
    except TypeError as exc:
        print("abstract:", exc)
    try:
        RULES["coupon"]
    except LookupError as exc:
        print("lookup:", exc)

    inventory = Inventory({"KB-01": 5, "MS-02": 10, "MN-27": 2, "CB-10": 3, "HD-05": 1})
    monitors, cables, steps = open_shop(inventory).result()
    print(f"restocked: monitors={monitors} cables={cables} steps={steps}")

    orders = build_orders(products)
    print("orders:", orders)
    print("created:", Order.created, "next:", Order.next_number)
    try:
        orders[0].add(products["KB-01"], 0)
    except ValueError as exc:  # InvalidOrder is also a ValueError
        print("invalid:", exc.describe(), isinstance(exc, ShopError))
    try:
        orders[1].status = "shipped"
    except InvalidOrder as exc:
        print("status:", exc)

    gateway = Gateway(limit_cents=50000, flaky={"carol": 2, "dave": 5})
    pipeline = Pipeline(inventory, gateway, rules)
    receipts = pipeline.process_all(orders).result()
    print(f"processed={Pipeline.processed} failed={Pipeline.failed} reservations={Inventory.reservations}")
    for receipt in receipts:
        print("\n".join(receipt_lines(receipt)))
    print("events:", list(pipeline.events))
    print("attempts:", ATTEMPTS)
    print("journal:", inventory.journal[-4:])
    print("stock:", inventory.snapshot())
    for number, outcome in sorted(pipeline.outcomes.items()):
        text = outcome.describe() if isinstance(outcome, ShopError) else format(outcome.total_cents, ",")
        print(f"  #{number}: {type(outcome).__name__:<22} {text}")

    # A receipt's seal: a worker process, then a continuation on the loop.
    print("seals:", [pipeline.seal(r).result() for r in receipts[:2]])
    sealed = checksum("abc").then(lambda c: c % 97)
    print("then:", sealed.result(), is_future(sealed), is_future(42))

    # Errors raised in a worker process come back through the future.
    try:
        tax_for([100], -1).result()
    except ValueError as exc:
        print("worker error:", exc)
    taxes = [tax_for(chunk, 80) for chunk in batched([999, 1500, 25000, 7, 12345], 2)]
    print("taxes:", [t.result() for t in taxes])
    print("fingerprints equal:", fingerprint([("A", 1), ("B", 2)]).result() == fingerprint([("B", 2), ("A", 1)]).result())

    # Bound methods as values, and attributes by name.
    lookups = {"available": inventory.available, "refund": refund}
    print("available KB-01:", lookups["available"]("KB-01"))
    print("refund:", lookups["refund"](gateway, "bob", 1999).result(), gateway.charged[-1])
    for attr in ("status", "item_count", "missing"):
        print(f"  {attr}: {getattr(orders[0], attr, '<none>')}")
    setattr(orders[0], "status", "shipped")
    print("history:", orders[0].history, "hasattr:", hasattr(orders[0], "number"), hasattr(orders[0], "weight"))
    print("cache:", tier_rate.cache_info())
    print("calls:", dict(sorted(decorators.CALLS.items())), "timed:", sorted(decorators.TIMINGS))
    print("timings non-negative:", all(v >= 0 for v in decorators.TIMINGS.values()))

    paid = [o for o in orders if o.status in ("paid", "shipped")]
    print("by status:", by_status(orders))
    print("best sellers:", best_sellers(paid))
    print(category_table(sales_by_category(paid)))
    print("running:", running_totals(receipts))
    failures = {str(n): o.code for n, o in pipeline.outcomes.items() if isinstance(o, ShopError)}
    print(summary_json(receipts, failures))
    audit_day(receipts)
    print(f"applied={PricingRule.applied} errors={ShopError.raised} declined={Gateway.declined_total}")


if __name__ == "__main__":
    main()
