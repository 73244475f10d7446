using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Python;

namespace UnsyncMigrate.Translation.Tests;

/// <summary>
/// Element types of lists, tuples, dicts and sets: what loops, unpacking and indexing get,
/// and the aliasing rule (a container reachable through a second name forgets its contents).
/// Every run test's expected output is what CPython 3.13 prints.
/// </summary>
public class ContainerTypingTests
{
    static string Translate(string python) => GeneratedCode.Translate(python).Code;

    static string TypeOf(string code, string? method, string name) => GeneratedCode.TypeOf(code, method, name);

    // ---- what the contents give ----------------------------------------------------------------

    [Fact]
    public void ListOfTuples_LoopUnpacksByPosition()
    {
        var code = Translate("pairs = [(1, 'a'), (2, 'b')]\nfor n, s in pairs:\n    print(n * 2, s.upper())");
        Assert.Equal("PyList", TypeOf(code, null, "pairs"));
        Assert.Equal("long", TypeOf(code, null, "n"));
        Assert.Equal("string", TypeOf(code, null, "s"));
    }

    [Fact]
    public void AppendedElements_GiveTheLoopVariableItsType()
    {
        var code = Translate("def f(k):\n    out = []\n    for i in range(k):\n        out.append(i * 2)\n    return out\nfor v in f(3):\n    print(v + 1)");
        Assert.Equal("long", TypeOf(code, null, "v"));
    }

    [Fact]
    public void DictItemsEnumerateAndZip_GiveKeyValueCounterAndPairTypes()
    {
        var code = Translate("names = {'ada': 3}\nfor i, (k, v) in enumerate(names.items()):\n    print(i, k, v)\nfor a, b in zip([1], 'x'):\n    print(a, b)");
        Assert.Equal("long", TypeOf(code, null, "i"));
        Assert.Equal("string", TypeOf(code, null, "k"));
        Assert.Equal("long", TypeOf(code, null, "v"));
        Assert.Equal("long", TypeOf(code, null, "a"));
        Assert.Equal("string", TypeOf(code, null, "b"));
    }

    [Fact]
    public void ListPassedToAReadingFunction_KeepsItsContentsOnBothSides()
    {
        var code = Translate("def first(values):\n    for v in values:\n        return v\nnums = [3, 1]\nx = first(nums)\nfor n in nums:\n    print(n, x)");
        Assert.Equal("long", TypeOf(code, "first", "v"));
        Assert.Equal("long", TypeOf(code, null, "n"));
    }

    [Fact]
    public void MixedElements_FallBackToObject()
    {
        var code = Translate("xs = [1]\nxs.append('a')\nfor x in xs:\n    print(x)");
        Assert.Equal("object?", TypeOf(code, null, "x"));
    }

    [Fact]
    public void ContainersAndUnpacking_PrintAsPython() =>
        Assert.Equal("2 A\n4 B\n2 [2, 3]\n6 [1, 2, 3] [3, 1, 2]\n0 Ada 6\n1 Bob 10\n3 x\n1 y\n2 z\n", SnippetRunner.TranslateAndRun("""
            def total(values):
                t = 0
                for v in values:
                    t = t + v
                return t
            pairs = [(1, 'a'), (2, 'b')]
            for n, s in pairs:
                print(n * 2, s.upper())
            first, *rest = [1, 2, 3]
            print(first + 1, rest)
            nums = [3, 1, 2]
            print(total(nums), sorted(nums), nums)
            names = {'ada': 3, 'bob': 5}
            for i, (k, v) in enumerate(sorted(names.items())):
                print(i, k.title(), v * 2)
            for a, b in zip(nums, 'xyz'):
                print(a, b)
            """));

    // ---- aliasing: every second name erases the contents ---------------------------------------

    [Fact]
    public void AssignedToAnotherName_TheAliasGrowthIsSeen()
    {
        const string py = "xs = [1]\nys = xs\nys.append('a')\nfor x in xs:\n    print(x)";
        Assert.Equal("object?", TypeOf(Translate(py), null, "x"));
        Assert.Equal("1\na\n", SnippetRunner.TranslateAndRun(py));
    }

    [Fact]
    public void PassedToAFunctionThatGrowsIt_CallerForgetsContents()
    {
        const string py = "def grow(v):\n    v.append('s')\nxs = [1, 2]\ngrow(xs)\nfor x in xs:\n    print(x)";
        Assert.Equal("object?", TypeOf(Translate(py), null, "x"));
        Assert.Equal("1\n2\ns\n", SnippetRunner.TranslateAndRun(py));
    }

    [Fact]
    public void PassedToAFunctionThatStoresIt_CallerForgetsContents() =>
        Assert.Equal("[1, 'z']\n", SnippetRunner.TranslateAndRun(
            "store = []\ndef keep(v):\n    store.append(v)\nxs = [1]\nkeep(xs)\nstore[0].append('z')\nprint([x for x in xs])"));

    [Fact]
    public void GrownByAClosure_IsSeen() =>
        Assert.Equal("[1, 'q']\n", SnippetRunner.TranslateAndRun(
            "def outer():\n    xs = [1]\n    def add():\n        xs.append('q')\n    add()\n    return [x for x in xs]\nprint(outer())"));

    [Fact]
    public void BoundMethodTaken_CountsAsAnAlias() =>
        Assert.Equal("1\ns\n", SnippetRunner.TranslateAndRun("xs = [1]\napp = xs.append\napp('s')\nfor x in xs:\n    print(x)"));

    [Fact]
    public void ReturnedParameter_IsAnAliasOfTheCallersList() =>
        Assert.Equal("1\ns\n", SnippetRunner.TranslateAndRun(
            "def ident(v):\n    return v\nxs = [1]\nys = ident(xs)\nys.append('s')\nfor x in xs:\n    print(x)"));

    [Fact]
    public void InnerContainers_AndDictStores_KeepPythonValues() =>
        Assert.Equal("0\ns\na 1\nb x\n", SnippetRunner.TranslateAndRun(
            "grid = [[0]]\ngrid[0].append('s')\nfor row in grid:\n    for c in row:\n        print(c)\nd = {'a': 1}\nd['b'] = 'x'\nfor k, v in d.items():\n    print(k, v)"));

    [Fact]
    public void ImportedGlobalGrownInAnotherModule_IsSeenByItsOwnModule() =>
        Assert.Equal("1\n2\ns\n1\n2\ns\nt\n", SnippetRunner.TranslateAndRun("""
            # module: lib
            xs = [1, 2]
            def show():
                for x in xs:
                    print(x)
            # module: main
            from lib import xs, show
            import lib
            xs.append('s')
            show()
            lib.xs.append('t')
            show()
            """));

    [Fact]
    public void ParameterExtendedInPlace_CallerForgetsContents() =>
        Assert.Equal("1\ns\n", SnippetRunner.TranslateAndRun("def more(v):\n    v += ['s']\nxs = [1]\nmore(xs)\nfor x in xs:\n    print(x)"));

    // ---- lambdas handed to known callers -------------------------------------------------------

    /// <summary>The C# type of a lambda's parameter (declared in the PyFunc body from the bound arguments).</summary>
    static string LambdaParamType(string code, string name) =>
        CSharpSyntaxTree.ParseText(code).GetRoot().DescendantNodes().OfType<LocalDeclarationStatementSyntax>()
            .First(l => l.Declaration.Variables.Any(v => v.Identifier.Text == name && v.Initializer?.Value.ToString().Contains("__b") == true)).Declaration.Type.ToString();

    [Fact]
    public void LambdaKeysMapAndThen_GetTheItemOrResultType()
    {
        var code = Translate("""
            from unsync import Unfuture
            pairs = [('b', 2)]
            print(sorted(pairs, key=lambda kv: kv[1]))
            print(list(map(lambda x: x + 1, [1, 2])))
            print(Unfuture.from_value('ab').then(lambda s: s.upper()).result())
            g = lambda y: y
            print(g(1))
            """);
        Assert.Equal("PyTuple", LambdaParamType(code, "kv"));
        Assert.Equal("long", LambdaParamType(code, "x"));
        Assert.Equal("string", LambdaParamType(code, "s"));
        Assert.Equal("object?", LambdaParamType(code, "y")); // a lambda stored in a variable can be called with anything
    }

    [Fact]
    public void Lambdas_PrintAsPython_AndAReduceAccumulatorKeepsGrowing() =>
        Assert.Equal("[('c', 1), ('b', 2), ('a', 3)]\n4 abab\n8841761993739701954543616000000\n435\n42\nAB\n[2, 3] ['ab']\n3 a\n['fig', 'kiwi']\n",
            SnippetRunner.TranslateAndRun("""
                import functools
                from unsync import Unfuture
                pairs = [('b', 2), ('a', 3), ('c', 1)]
                print(sorted(pairs, key=lambda kv: kv[1]))
                f = lambda x: x * 2
                print(f(2), f('ab'))
                nums = list(range(1, 30))
                print(functools.reduce(lambda a, b: a * b, nums))
                print(functools.reduce(lambda a, b: a + b, nums, 0))
                print(Unfuture.from_value(21).then(lambda v: v * 2).result())
                print(Unfuture.from_value('ab').then(lambda s: s.upper()).result())
                print(list(map(lambda x: x + 1, [1, 2])), list(filter(lambda s: s.startswith('a'), ['ab', 'b'])))
                print(max(3, 5, key=lambda v: -v), min(['bb', 'a'], key=lambda s: len(s)))
                words = ['kiwi', 'fig']
                words.sort(key=lambda w: w[-1])
                print(words)
                """));

    [Fact]
    public void FunctionNamedAsThenContinuation_IsACallSiteNotAnEscape()
    {
        const string py = "from unsync import Unfuture\ndef twice(v):\n    return v * 2\ndef shout(s, suffix='!'):\n    return s.upper() + suffix\n"
            + "print(Unfuture.from_value(21).then(twice).result())\nprint(Unfuture.from_value('hi').then(shout).result())\n";
        var code = Translate(py);
        Assert.Equal("long", TypeOf(code, "twice", "v"));
        Assert.Equal("string", TypeOf(code, "shout", "s"));
        Assert.Equal("42\nHI!\n", SnippetRunner.TranslateAndRun(py));
        // Also used as a value elsewhere: called with anything.
        const string escaped = py + "g = twice\nprint(g('ab'))\n";
        Assert.Equal("object?", TypeOf(Translate(escaped), "twice", "v"));
        Assert.Equal("42\nHI!\nabab\n", SnippetRunner.TranslateAndRun(escaped));
    }

    [Fact]
    public void SelfNestingValues_ReachAFixpoint() =>
        Assert.Equal("((((), 0), 1), 2)\n1 True\n1\n[[[[1]]]]\n", SnippetRunner.TranslateAndRun(
            "x = ()\nfor i in range(3):\n    x = (x, i)\nprint(x)\nxs = []\nxs.append(xs)\nprint(len(xs), xs[0] is xs)\n"
            + "d = {}\nd['k'] = d\nprint(len(d))\nt = [[1]]\nfor _ in range(2):\n    t = [t]\nprint(t)\n"));

    [Fact]
    public void DataclassFieldWithContainerFactory_IsTypedAndFreshPerInstance()
    {
        const string py = "from dataclasses import dataclass, field\n@dataclass\nclass Bag:\n    name: str\n    items: list = field(default_factory=list)\n"
            + "b = Bag('x')\nb.items.append(1)\nc = Bag('y', ['z'])\nprint(b, c, b.items is not Bag('q').items)\n";
        Assert.Contains("public PyList items", Translate(py));
        Assert.Equal("Bag(name='x', items=[1]) Bag(name='y', items=['z']) True\n", SnippetRunner.TranslateAndRun(py));
    }

    [Fact]
    public void ItemCounters_AreTyped_AndGrowingItemsStayDynamic()
    {
        const string py = """
            counts = {}
            for w in ['a', 'b', 'a']:
                counts[w] = counts.get(w, 0) + 1
            for k, v in counts.items():
                print(k, v + 1)
            big = {'x': 3}
            for _ in range(70):
                big['x'] *= 3
            print(big['x'])
            sq = {'y': 2}
            for _ in range(8):
                sq['y'] = sq['y'] * sq['y']
            for k2, v2 in sq.items():
                print(k2, v2)
            hits = [0, 0]
            for i in range(5):
                hits[i % 2] += 1
            for h in hits:
                print(h * 10)
            """;
        var code = Translate(py);
        Assert.Equal("long", TypeOf(code, null, "v"));
        Assert.Equal("long", TypeOf(code, null, "h"));
        Assert.Equal("object?", TypeOf(code, null, "v2"));
        Assert.Equal("a 3\nb 2\n7509466514979724803946715958257547\ny 115792089237316195423570985008687907853269984665640564039457584007913129639936\n30\n20\n",
            SnippetRunner.TranslateAndRun(py));
    }

    // ---- receivers inference never types ------------------------------------------------------

    [Fact]
    public void MethodReturningSelf_ChainsKeepEveryCallersArgumentType() =>
        Assert.Equal("[1, 'b']\n", SnippetRunner.TranslateAndRun("""
            class Registry:
                def __init__(self):
                    self.names = []
                def register(self, n):
                    self.names.append(n)
                    return self
            r = Registry().register(1).register('b')
            print([n for n in r.names])
            """));

    [Fact]
    public void CallThroughAReceiverNeverTyped_CountsAsACallWithAnything() =>
        Assert.Equal("1 s\n", SnippetRunner.TranslateAndRun("""
            class K:
                def put(self, v):
                    return v
                @classmethod
                def make(cls):
                    return cls.build().put('s')
                @staticmethod
                def build():
                    return K()
            print(K().put(1), K.make())
            """));
}
