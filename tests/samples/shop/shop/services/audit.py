"""An audit trail: context managers, class-level bookkeeping and chained continuations."""
import asyncio
import functools
import operator
from dataclasses import dataclass, field

from unsync import unsync

from shop.errors import ShopError
from shop.pricing.compute import checksum


class AuditError(ShopError):
    code = "audit"


TRACKED = []


def tracked(cls):
    """A class decorator: gives the class an instance count per class name and lists it in TRACKED.

    (It does not wrap cls.__init__: the migration tool reports replacing a method at run time,
    UM2013, so the counting is done by the class's own __init__ through note_instance.)
    """
    setattr(cls, "instances", {})
    TRACKED.append(cls.__name__)
    return cls


def note_instance(obj):
    counts = type(obj).instances
    counts[type(obj).__name__] = counts.get(type(obj).__name__, 0) + 1


@dataclass(frozen=True, order=True)
class Entry:
    seq: int
    kind: str
    detail: str = ""


@tracked
class AuditLog:
    opened = 0

    def __init__(self, name):
        self.name = name
        self.entries = []
        self._seq = 0
        type(self).opened += 1
        note_instance(self)

    @classmethod
    def named(cls, *parts):
        return cls("/".join(parts))

    @staticmethod
    def normalise(kind):
        return kind.strip().lower().replace(" ", "_")

    def record(self, kind, detail=""):
        self._seq += 1
        entry = Entry(self._seq, self.normalise(kind), detail)
        self.entries.append(entry)
        return entry

    def __enter__(self):
        self.record("open", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.record("close", "ok")
            return False
        self.record("close", f"{exc_type.__name__}: {exc}")
        return issubclass(exc_type, AuditError)  # audit errors are contained, others propagate

    def kinds(self):
        return sorted({e.kind for e in self.entries})


class section:
    """A titled section of a log; a missing key inside it becomes an AuditError.

    (A class rather than a contextlib.contextmanager generator: the migration tool reports
    contextmanager as unsupported, UM2002, so this sample keeps to what it translates.)
    """

    def __init__(self, log, title):
        self.log = log
        self.title = title

    def __enter__(self):
        self.log.record("begin", self.title)
        return self.log

    def __exit__(self, exc_type, exc, tb):
        if isinstance(exc, KeyError):
            self.log.record("missing", str(exc))
            self.log.record("end", self.title)
            raise AuditError(f"missing key in {self.title}") from exc
        self.log.record("end", self.title)
        return False


def summarize(entries):
    by_kind = {}
    for e in entries:
        by_kind.setdefault(e.kind, []).append(e.seq)
    return by_kind


def totals(pairs):
    return functools.reduce(operator.add, (qty for _, qty in pairs), 0)


@unsync
async def stamp(text):
    await asyncio.sleep(0)
    return f"[{text}]"


@unsync
async def audit_chain(text):
    """A process computation, continued by a plain function, then by an async unsync function."""
    digits = await checksum(text).then(lambda c: str(c)).then(lambda s: s[::-1])
    return await stamp(digits)


def counts_by(items, key):
    out = {}
    for item in items:
        out[key(item)] = out.get(key(item), 0) + 1
    return out


@dataclass
class Batch:
    name: str
    items: list = field(default_factory=lambda: ["seed"])
    weights: dict = field(default_factory=dict)

    def add(self, item, weight=1):
        self.items.append(item)
        self.weights[item] = self.weights.get(item, 0) + weight
        return self
