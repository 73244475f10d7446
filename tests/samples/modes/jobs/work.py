from unsync import unsync

from .registry import register


class Crawler:
    def __init__(self, site):
        self.site = register(site)

    @unsync
    async def crawl(self, pages):
        return f"{self.site}:{pages}"


@unsync(cpu_bound=True)
def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def _square(x):
    return x * x


slow_square = unsync(_square)
register("work")


PARALLEL = bool(len("yes"))


@unsync(cpu_bound=PARALLEL)
def checksum(text):
    return sum(ord(c) for c in text)
