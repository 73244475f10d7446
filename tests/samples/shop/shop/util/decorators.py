"""Decorators the shop uses: call counting, timing, retry and registries."""
import functools
import time

CALLS = {}  # qualified name -> number of calls
TIMINGS = {}  # qualified name -> total seconds (only ever compared, never printed: it varies)


def counted(func):
    """Counts calls by qualified name (a cheap profile that prints the same every run)."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        CALLS[func.__qualname__] = CALLS.get(func.__qualname__, 0) + 1
        return func(*args, **kwargs)
    return wrapper


def timed(func):
    """Adds the time spent in func to TIMINGS, also when it raises."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            TIMINGS[func.__name__] = TIMINGS.get(func.__name__, 0.0) + time.perf_counter() - start
    return wrapper


def retry(times=3, on=(Exception,), log=None):
    """Calls func again when it raises one of `on`, at most `times` calls in all."""
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            attempt = 0
            while True:
                attempt += 1
                try:
                    return func(*args, **kwargs)
                except on as exc:
                    if log is not None:
                        log.append(f"{func.__name__} attempt {attempt}: {type(exc).__name__}: {exc}")
                    if attempt >= times:
                        raise
        return wrapper
    return decorate


class Registry:
    """Named things (classes or functions) registered by a decorator where they are defined."""

    def __init__(self, kind):
        self.kind = kind
        self._items = {}

    def register(self, name=None):
        def decorate(obj):
            key = name or obj.__name__.lower()
            if key in self._items:
                raise KeyError(f"{self.kind} {key!r} registered twice")
            self._items[key] = obj
            return obj
        return decorate

    def __getitem__(self, key):
        try:
            return self._items[key]
        except KeyError:
            raise LookupError(f"no {self.kind} named {key!r}") from None

    def __contains__(self, key):
        return key in self._items

    def __len__(self):
        return len(self._items)

    def names(self):
        return sorted(self._items)


def make_sequence(prefix, start=1):
    """A closure handing out ids prefix-1, prefix-2...; `peek` reads the next one without taking it."""
    counter = start

    def next_id():
        nonlocal counter
        value = f"{prefix}-{counter:03d}"
        counter += 1
        return value

    def peek():
        return counter

    next_id.peek = peek
    return next_id
