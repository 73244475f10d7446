"""A tour of the hazards the scan reports (not a runnable program)."""
import time

from unsync import unsync, Unfuture
from jobs import crunch, heavy_instance

CONFIG = {}


@unsync
async def fetch(key):
    return CONFIG.get(key)


@unsync
async def impatient(key):
    fut = fetch(key)
    time.sleep(0.1)
    return fut.result()


@unsync(cpu_bound=True)
async def confused(n):
    return n


@unsync(retries=3)
def misspelled():
    pass


def old_style(fut):
    return fut.result() + 1


def main():
    fetch("a")
    pending = fetch("b")
    fetch("c").then(old_style).result()
    crunch(lambda x: x).result()
    heavy_instance(1).result()
    return Unfuture.from_value(1)


if __name__ == "__main__":
    main()
