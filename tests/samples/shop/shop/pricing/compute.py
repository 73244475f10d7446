"""Pure computations the shop runs in worker processes (unsync's cpu_bound mode)."""
from unsync import unsync


@unsync(cpu_bound=True)
def checksum(text):
    """A position-weighted checksum of a receipt's text."""
    total = 0
    for i, ch in enumerate(text):
        total = (total * 31 + ord(ch) * (i + 1)) % 1_000_003
    return total


@unsync(cpu_bound=True)
def tax_for(amounts, rate_per_mille):
    """Tax in cents for each amount, rounded half up."""
    if rate_per_mille < 0:
        raise ValueError(f"negative tax rate {rate_per_mille}")
    return [(a * rate_per_mille + 500) // 1000 for a in amounts]


@unsync(cpu_bound=True)
def fingerprint(lines):
    """A fingerprint of (sku, quantity) pairs, independent of their order."""
    acc = 0
    for sku, qty in sorted(lines):
        for ch in sku:
            acc = (acc * 131 + ord(ch)) % 2_147_483_647
        acc = (acc * 7 + qty) % 2_147_483_647
    return acc
