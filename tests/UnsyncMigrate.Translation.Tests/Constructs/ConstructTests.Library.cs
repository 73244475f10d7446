namespace UnsyncMigrate.Translation.Tests;

// json, math, collections, itertools, functools, hashlib, dataclasses.
// Expected output: what CPython 3.13 printed for each snippet.
public partial class ConstructTests
{
    static readonly Snippet[] Library =
    [
        new(nameof(JsonDumps), """
            import json
            data = {'name': 'Ann', 'tags': ['a', 'b'], 'n': 1, 'x': 1.5, 'ok': True, 'none': None, 'nested': {'z': [1, {'y': 2}]}}
            print(json.dumps(data))
            print(json.dumps(data, sort_keys=True, indent=2))
            print(json.dumps([1, 'é', (2, 3)]), json.dumps('é', ensure_ascii=False), json.dumps({'a': 1}, separators=(',', ':')))
            print(json.loads('{"a": [1, 2.5, null, true], "b": "s"}'), json.dumps(10 ** 20), json.dumps(1e100))
            """, "{\"name\": \"Ann\", \"tags\": [\"a\", \"b\"], \"n\": 1, \"x\": 1.5, \"ok\": true, \"none\": null, \"nested\": {\"z\": [1, {\"y\": 2}]}}\n{\n  \"n\": 1,\n  \"name\": \"Ann\",\n  \"nested\": {\n    \"z\": [\n      1,\n      {\n        \"y\": 2\n      }\n    ]\n  },\n  \"none\": null,\n  \"ok\": true,\n  \"tags\": [\n    \"a\",\n    \"b\"\n  ],\n  \"x\": 1.5\n}\n[1, \"\\u00e9\", [2, 3]] \"\u00e9\" {\"a\":1}\n{'a': [1, 2.5, None, True], 'b': 's'} 100000000000000000000 1e+100\n"),
        new(nameof(Math), """
            import math
            print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.gcd(12, 18), math.pi, math.e)
            print(math.isclose(0.1 + 0.2, 0.3), math.factorial(25), math.log(math.e), math.log(8, 2), math.log10(1000))
            print(math.pow(2, 10), math.hypot(3, 4), math.inf > 10 ** 100, math.isnan(math.nan), math.comb(10, 3), math.trunc(-3.7))
            print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.copysign(1, -0.0), math.exp(1) == math.e)
            """, "4.0 -3 3 6 3.141592653589793 2.718281828459045\nTrue 15511210043330985984000000 1.0 3.0 3.0\n1024.0 5.0 True True 120 -3\n1.0 0.9999999999999999 24 -1.0 True\n"),
        new(nameof(Collections_CounterDefaultdictDeque), """
            from collections import Counter, defaultdict, deque
            c = Counter('abracadabra')
            print(c, c.most_common(2), c['a'], c['z'])
            c.update(['z', 'z'])
            print(c + Counter('aa'), sorted(c.elements())[:4], sum(c.values()), len(c))
            d = defaultdict(list)
            for k, v in [('x', 1), ('y', 2), ('x', 3)]:
                d[k].append(v)
            print(d, dict(d), d['missing'])
            counts = defaultdict(int)
            for w in 'a b a c a'.split():
                counts[w] += 1
            print(sorted(counts.items()))
            q = deque([1, 2, 3], maxlen=4)
            q.append(4); q.append(5); q.appendleft(0)
            print(q, q.popleft(), q.pop(), q)
            q.rotate(1)
            print(q, list(q), len(q), q[0])
            """, "Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}) [('a', 5), ('b', 2)] 5 0\nCounter({'a': 7, 'b': 2, 'r': 2, 'z': 2, 'c': 1, 'd': 1}) ['a', 'a', 'a', 'a'] 13 6\ndefaultdict(<class 'list'>, {'x': [1, 3], 'y': [2], 'missing': []}) {'x': [1, 3], 'y': [2]} []\n[('a', 3), ('b', 1), ('c', 1)]\ndeque([2, 3], maxlen=4) 0 4 deque([2, 3], maxlen=4)\ndeque([3, 2], maxlen=4) [3, 2] 2 3\n"),
        new(nameof(Itertools), """
            import itertools
            from itertools import chain, islice, count, groupby
            print(list(chain([1, 2], 'ab')), list(chain.from_iterable([[1], [2, 3]])), list(islice(count(5, 2), 4)))
            print(list(itertools.product('ab', [1, 2])), list(itertools.permutations([1, 2, 3], 2))[:3])
            print(list(itertools.combinations('abc', 2)), list(itertools.accumulate([1, 2, 3, 4])))
            print([(k, list(g)) for k, g in groupby('aabccc')], list(itertools.zip_longest([1, 2], 'a', fillvalue='-')))
            print(list(islice(itertools.cycle('xy'), 5)), list(itertools.repeat(7, 3)), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
            print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
            """, "[1, 2, 'a', 'b'] [1, 2, 3] [5, 7, 9, 11]\n[('a', 1), ('a', 2), ('b', 1), ('b', 2)] [(1, 2), (1, 3), (2, 1)]\n[('a', 'b'), ('a', 'c'), ('b', 'c')] [1, 3, 6, 10]\n[('a', ['a', 'a']), ('b', ['b']), ('c', ['c', 'c', 'c'])] [(1, 'a'), (2, '-')]\n['x', 'y', 'x', 'y', 'x'] [7, 7, 7] [8, 9]\n[1, 2] [5, 1]\n"),
        new(nameof(FunctoolsReduce), """
            from functools import reduce, partial
            import functools
            import operator
            print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [1, 2, 3], 10), reduce(operator.add, ['a', 'b']))
            def power(base, exp):
                return base ** exp
            square = partial(power, exp=2)
            print(square(7), functools.reduce(max, [3, 9, 2]))
            try:
                reduce(lambda a, b: a, [])
            except TypeError as e:
                print('TypeError:', e)
            """, "10 60 ab\n49 9\nTypeError: reduce() of empty iterable with no initial value\n"),
        new(nameof(Hashlib), """
            import hashlib
            print(hashlib.sha256(b'hello').hexdigest())
            print(hashlib.md5('hello'.encode()).hexdigest(), hashlib.sha1(b'').hexdigest())
            h = hashlib.sha256()
            h.update(b'hel')
            h.update(b'lo')
            print(h.hexdigest() == hashlib.sha256(b'hello').hexdigest(), len(h.digest()), h.hexdigest()[:8])
            """, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\n5d41402abc4b2a76b9719d911017c592 da39a3ee5e6b4b0d3255bfef95601890afd80709\nTrue 32 2cf24dba\n"),
        new(nameof(Dataclasses_Module), """
            import dataclasses
            from dataclasses import dataclass, asdict, astuple, fields, replace

            @dataclass
            class Item:
                sku: str
                qty: int = 1
                tags: list = dataclasses.field(default_factory=list)

            i = Item('A', 2, ['x'])
            print(asdict(i), astuple(i), [f.name for f in fields(i)], replace(i, qty=5), i)
            print(dataclasses.is_dataclass(i), dataclasses.asdict(Item('B')))
            """, "{'sku': 'A', 'qty': 2, 'tags': ['x']} ('A', 2, ['x']) ['sku', 'qty', 'tags'] Item(sku='A', qty=5, tags=['x']) Item(sku='A', qty=2, tags=['x'])\nTrue {'sku': 'B', 'qty': 1, 'tags': []}\n"),
        new(nameof(FunctoolsLruCache_EvictsTheLeastRecentlyUsed), """
            import functools

            calls = []


            @functools.lru_cache(maxsize=2)
            def sq(n):
                calls.append(n)
                return n * n


            for n in [1, 2, 1, 3, 2, 1]:
                sq(n)
            print(calls)


            @functools.lru_cache
            def cube(n):
                calls.append(-n)
                return n ** 3


            print(cube(2), cube(2), calls[-2:])
            sq.cache_clear()
            sq(1)
            print(calls[-1], cube.__name__)
            """, "[1, 2, 3, 2, 1]\n8 8 [1, -2]\n1 cube\n"),
    ];

    [Fact]
    public void FunctoolsLruCache_EvictsTheLeastRecentlyUsed() => Check();

    [Fact]
    public void JsonDumps() => Check();

    [Fact]
    public void Math() => Check();

    [Fact]
    public void Collections_CounterDefaultdictDeque() => Check();

    [Fact]
    public void Itertools() => Check();

    [Fact]
    public void FunctoolsReduce() => Check();

    [Fact]
    public void Hashlib() => Check();

    [Fact]
    public void Dataclasses_Module() => Check();
}
