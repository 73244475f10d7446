"""Text formatting for receipts and reports."""

try:
    # An optional compiled helper some deployments ship; the pure version below is the same.
    from ._speedups import format_cents
except ImportError:
    def format_cents(cents):
        sign = "-" if cents < 0 else ""
        cents = abs(cents)
        return f"{sign}${cents // 100:,}.{cents % 100:02d}"

try:
    from shop._native import percent
except ImportError:
    percent = None

if percent is None:
    def percent(part, whole):
        return f"{part / whole:.1%}" if whole else "n/a"


def table(rows, headers, widths):
    """Left-aligns text columns and right-aligns numbers, as a fixed-width table."""
    def cell(value, width):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return f"{value:>{width}}"
        return f"{str(value):<{width}}"

    lines = [" ".join(cell(h, w) for h, w in zip(headers, widths)).rstrip()]
    lines.append(" ".join("-" * w for w in widths))
    for row in rows:
        lines.append(" ".join(cell(v, w) for v, w in zip(row, widths)).rstrip())
    return "\n".join(lines)
