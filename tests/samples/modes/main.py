"""A small job runner: unsync functions in every form, to check each runs where unsync runs it."""
import asyncio
import functools
import math

from unsync import unsync

from jobs import registry
from jobs.work import Crawler, checksum, crunch, slow_square

FAST = True


def log_calls(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs)
    return wrapper


@unsync
async def fetch(n):
    await asyncio.sleep(0)
    return n * 10


@unsync(cpu_bound=True)
def primes_below(n):
    return sum(1 for k in range(2, n) if all(k % d for d in range(2, math.isqrt(k) + 1)))


@unsync
@log_calls
def logged_add(a, b):
    return a + b


@unsync
@functools.lru_cache(maxsize=None)
def cached_cube(n):
    return n ** 3


def cube_root(x):
    return round(x ** (1 / 3))


heavy_root = unsync(cpu_bound=True)(cube_root)
light_root = unsync(cube_root)


def make_counter(start):
    @unsync
    def count_up(by):
        return start + by
    return count_up


if __name__ == "__main__":
    print(fetch(4).result(), primes_below(50).result(), logged_add(2, 3).result(), cached_cube(3).result())
    print(heavy_root(27).result(), light_root(64).result(), make_counter(10)(5).result())
    crawler = Crawler("site")
    print(crawler.crawl(2).result(), crunch(6).result(), slow_square(7).result())
    print(sorted(registry.names()), checksum("abc").result())
