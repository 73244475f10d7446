namespace UnsyncMigrate.Translation.Tests;

// any/all, sets, generator expressions and generators.
// Expected output: what CPython 3.13 printed for each snippet.
public partial class ConstructTests
{
    static readonly Snippet[] Iteration =
    [
        new(nameof(AnyAll), """
            print(any([]), all([]), any([0, '', None]), any([0, 3]), all([1, 'a']), all([1, 0]))
            print(any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in [1, 2, 3]), any(c.isdigit() for c in 'ab1'))
            """, "False True False True True False\nTrue True True\n"),
        new(nameof(SetsAndSetOperations), """
            a = {1, 2, 3, 4}
            b = {3, 4, 5}
            print(a | b, a & b, a - b, b - a, a ^ b)
            print(a.union([9]), a.intersection(b), a.difference(b), a.symmetric_difference(b))
            print({1, 2} <= a, {1, 2} < a, a >= {1}, a.isdisjoint({7}), 3 in a, len(a))
            s = set()
            s.add(2); s.add(1); s.add(2); s.discard(5); s.update([7, 8])
            s.remove(7)
            print(sorted(s), s, frozenset([3, 1]), {x % 3 for x in range(10)}, set('abca') == {'a', 'b', 'c'})
            try:
                s.remove(42)
            except KeyError as e:
                print('KeyError', e)
            """, "{1, 2, 3, 4, 5} {3, 4} {1, 2} {5} {1, 2, 5}\n{1, 2, 3, 4, 9} {3, 4} {1, 2} {1, 2, 5}\nTrue True True True True 4\n[1, 2, 8] {8, 1, 2} frozenset({1, 3}) {0, 1, 2} True\nKeyError 42\n"),
        new(nameof(GeneratorExpressions_AreLazy), """
            print(sum(x * x for x in range(5)), list(x for x in 'ab'), tuple(i for i in range(3) if i))
            g = (print('computing', i) or i * 10 for i in range(3))
            print('created')
            print(next(g))
            print(list(g))
            print(list(g))
            pairs = list((a, b) for a in range(3) for b in range(a))
            print(pairs, max(len(w) for w in ['a', 'abc']), dict((k, len(k)) for k in ['xy', 'z']))
            """, "30 ['a', 'b'] (1, 2)\ncreated\ncomputing 0\n0\ncomputing 1\ncomputing 2\n[10, 20]\n[]\n[(1, 0), (2, 0), (2, 1)] 3 {'xy': 2, 'z': 1}\n"),
        new(nameof(Generators_Yield), """
            def countdown(n):
                while n > 0:
                    yield n
                    n -= 1
                return 'done'

            def evens(limit):
                yield from (i for i in range(limit) if i % 2 == 0)
                yield 'end'

            g = countdown(3)
            print(next(g), next(g), list(g), list(g))
            print(list(evens(5)), sum(countdown(4)))
            for v in countdown(2):
                print('got', v)
            try:
                next(countdown(0))
            except StopIteration:
                print('stopped')
            it = iter([1, 2])
            print(next(it), next(it), next(it, 'default'))
            """, "3 2 [1] []\n[0, 2, 4, 'end'] 10\ngot 2\ngot 1\nstopped\n1 2 default\n"),
        new(nameof(Generators_NestedInFunction), """
            def make(prefix):
                def gen(n):
                    for i in range(n):
                        yield prefix + str(i)
                return gen

            print(list(make('x')(3)))
            """, "['x0', 'x1', 'x2']\n"),
        new(nameof(Generators_InClass), """
            class Tree:
                def __init__(self, value, children=()):
                    self.value = value
                    self.children = list(children)

                def walk(self):
                    yield self.value
                    for c in self.children:
                        yield from c.walk()

            t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
            print(list(t.walk()))
            """, "[1, 2, 3, 4]\n"),
    ];

    [Fact]
    public void AnyAll() => Check();

    [Fact]
    public void SetsAndSetOperations() => Check();

    [Fact]
    public void GeneratorExpressions_AreLazy() => Check();

    [Fact]
    public void Generators_Yield() => Check();

    [Fact]
    public void Generators_NestedInFunction() => Check();

    [Fact]
    public void Generators_InClass() => Check();
}
