"""End-of-day reports: sales by category, best sellers and a JSON summary."""
import itertools
from collections import Counter, defaultdict

from .models import Receipt
from .util.formatting import format_cents, percent, table


def sales_by_category(orders):
    totals = defaultdict(int)
    for order in orders:
        for line in order:
            totals[line.product.category] += line.total_cents
    return dict(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))


def best_sellers(orders, n=3):
    counts = Counter()
    for order in orders:
        counts.update({line.product.sku: line.quantity for line in order})
    return counts.most_common(n)


def by_status(orders):
    """Order numbers grouped by status (groupby needs its input sorted by the same key)."""
    key = lambda o: o.status
    return {status: [o.number for o in group] for status, group in itertools.groupby(sorted(orders, key=key), key=key)}


def running_totals(receipts):
    return list(itertools.accumulate(r.total_cents for r in receipts))


def receipt_lines(receipt):
    yield f"Receipt {receipt.meta.get('id', '?')} for {receipt.customer} (order #{receipt.order_number})"
    yield f"  subtotal {format_cents(receipt.subtotal_cents):>12}"
    for label, cut in receipt.applied:
        yield f"  {label:<14}{format_cents(-cut):>10}"
    yield f"  tax      {format_cents(receipt.tax_cents):>12}"
    yield f"  total    {format_cents(receipt.total_cents):>12}"


def summary_json(receipts, failures):
    """The summary as JSON; imported here so the rest of the module does not need json."""
    import json

    doc = {
        "receipts": [
            {"order": r.order_number, "total": r.total_cents, "rules": [label for label, _ in r.applied]}
            for r in receipts
        ],
        "failures": failures,
        "revenue": sum(r.total_cents for r in receipts),
    }
    return json.dumps(doc, sort_keys=True, indent=2)


def category_table(totals):
    grand = sum(totals.values())
    rows = [(cat, cents, percent(cents, grand)) for cat, cents in totals.items()]
    return table(rows, ("category", "cents", "share"), (12, 8, 6))


def is_receipt(value):
    return isinstance(value, Receipt)
