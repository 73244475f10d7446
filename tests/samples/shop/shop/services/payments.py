"""A payment gateway that is sometimes slow: charges run on threads and are retried."""
import time

from unsync import unsync

from shop.errors import PaymentDeclined, TransientGatewayError
from shop.util import retry, timed

ATTEMPTS = []  # what the retry decorator saw, in order


class Gateway:
    declined_total = 0

    def __init__(self, limit_cents, flaky=None):
        self.limit_cents = limit_cents
        self._flaky = dict(flaky or {})  # customer -> how many calls time out first
        self.charged = []

    @timed
    @retry(times=3, on=(TransientGatewayError,), log=ATTEMPTS)
    def _send(self, customer, cents):
        if self._flaky.get(customer, 0) > 0:
            self._flaky[customer] -= 1
            raise TransientGatewayError(f"timeout charging {customer}")
        if cents > self.limit_cents:
            Gateway.declined_total += 1
            raise PaymentDeclined(f"{customer}: {cents} over limit {self.limit_cents}")
        self.charged.append((customer, cents))
        return f"auth-{customer[:3].upper()}-{cents}"

    @unsync
    def charge(self, customer, cents):
        time.sleep(0.001)
        return self._send(customer, cents)


@unsync
def refund(gateway, customer, cents):
    """A module-level thread function; it never fails, it records."""
    gateway.charged.append((customer, -cents))
    return -cents
