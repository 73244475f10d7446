namespace UnsyncMigrate.Translation.Tests;

/// <summary>
/// Method calls on receivers of static C# type (string, PyList, PyDict, PySet, Unfuture) call
/// the runtime's typed entry points; other receivers and argument lists the entry points do not
/// fit keep Py.CallMethod. Every run test's expected output is what CPython 3.13 prints (the
/// futures test: what the corpus's unsync programs print, whose then() passes the result).
/// </summary>
public class TypedMethodCallTests
{
    static string Translate(string python) => GeneratedCode.Translate(python).Code;

    // ---- what is generated ------------------------------------------------------------------------

    [Fact]
    public void StrReceiver_CallsTypedEntryPoints_WithTypedResults()
    {
        var code = Translate("def f(n):\n    s = str(n)\n    t = s.upper()\n    return t.startswith('A'), s.split(',', 1), s.count('a')\nprint(f(3))");
        Assert.Contains("t = Py.StrUpper(s);", code);
        Assert.Contains("Py.StrStartsWith(t, \"A\")", code);
        Assert.Contains("Py.StrSplit(s, \",\", 1L)", code);
        Assert.Contains("Py.StrCount(s, \"a\")", code);
        Assert.DoesNotContain("Py.CallMethod(", code);
        // The typed result needs no conversion into the string local.
        Assert.DoesNotContain("Py.AsStr(", code);
    }

    [Fact]
    public void ContainerAndFutureReceivers_CallTypedEntryPoints()
    {
        var code = Translate("""
            from unsync import unsync
            @unsync
            def work(x):
                return x
            xs = [1]
            xs.append(2)
            xs.sort(key=str, reverse=True)
            d = {'a': 1}
            print(d.get('a'), list(d.items()))
            s = {1}
            s.add(2)
            f = work(1)
            print(f.result(), f.done(), f.result(timeout=1))
            """);
        Assert.Contains("Py.ListAppend(MainModule.xs, 2L)", code);
        Assert.Contains("Py.ListSort(MainModule.xs, Py.Builtin(\"str\"), true)", code);
        Assert.Contains("Py.DictGet(MainModule.d, \"a\")", code);
        Assert.Contains("Py.DictItems(MainModule.d)", code);
        Assert.Contains("Py.SetAdd(MainModule.s, 2L)", code);
        Assert.Contains("MainModule.f.Result()", code);
        Assert.Contains("MainModule.f.Done", code);
        Assert.Contains("PyUnsync.Result(MainModule.f, 1L)", code);
        Assert.DoesNotContain("Py.CallMethod(", code);
    }

    [Fact]
    public void UntypedReceiver_StaysDynamic()
    {
        var code = Translate("def f(x):\n    return x.upper()\nprint(f('a'), f(['b'][0]))\nclass C:\n    def upper(self):\n        return 1\nprint(f(C()))");
        Assert.Contains("Py.CallMethod(x, \"upper\"", code);
    }

    [Fact]
    public void ArgumentsThatDoNotFit_StayDynamic()
    {
        var code = Translate("s = 'a'\nprint(s.upper(1), s.strip(chars='a'), s.split(*['a']))\nxs = [1]\nxs.sort(str)\nxs.append()\nxs.sort(reverse=True, key=str)");
        Assert.Contains("Py.CallMethod(MainModule.s, \"upper\", new object?[] { 1L }", code);
        Assert.Contains("Py.CallMethod(MainModule.s, \"strip\"", code);
        Assert.Contains("Py.CallMethod(MainModule.s, \"split\"", code);
        Assert.Contains("Py.CallMethod(MainModule.xs, \"sort\", new object?[] { Py.Builtin(\"str\") }", code);
        Assert.Contains("Py.CallMethod(MainModule.xs, \"append\", Array.Empty<object?>()", code);
        // Keywords out of parameter order would change the evaluation order.
        Assert.Contains("Py.CallMethod(MainModule.xs, \"sort\", Array.Empty<object?>(), Py.Kw(\"reverse\"", code);
    }

    // ---- what runs ----------------------------------------------------------------------------------

    [Fact]
    public void StrMethods_PrintAsPython() =>
        Assert.Equal("""
            HELLO, WORLD hello, world Hello, World hELLO, wORLD hello, world Abc
            'Hello, World  ' '  Hello, World' hi
            ['Hello,', 'World'] ['Hello', ' World'] ['Hello', 'World'] ['a', 'b c'] ['a,b', 'c'] ['a', 'b']
            a-b-c HeLLo, WorLd HeLlo, World
            True False True True True
            4 8 7 10 3 1 8
            1 + 2 = 3 007 ('a', '=', 'b=c') ('a=b', '=', 'c')
            True True True True True True True
            True True True True True
            x x ['a', 'b'] ['a\n', 'b']
            b'h\xc3\xa9' b'h\xe9' b'h\xc3\xa9'
            ValueError: substring not found
            ValueError: empty separator
            TypeError
            TypeError: startswith first arg must be str or a tuple of str, not int
            TypeError: sequence item 0: expected str instance, int found

            """.Replace("\r\n", "\n"), SnippetRunner.TranslateAndRun("""
            s = "  Hello, World  "
            t = s.strip()
            print(t.upper(), t.lower(), t.title(), t.swapcase(), t.casefold(), "abc".capitalize())
            print(repr(s.lstrip()), repr(s.rstrip()), "xxhixx".strip("x"))
            print(t.split(), t.split(","), t.split(", ", 1), "a b c".split(maxsplit=1), "a,b,c".rsplit(",", 1), "a b".rsplit())
            print("-".join(["a", "b", "c"]), t.replace("l", "L"), t.replace("l", "L", 1))
            print(t.startswith("Hell"), t.endswith("!"), t.startswith(("x", "He")), t.startswith("World", 7), t.endswith("Hello", 0, 5))
            print(t.find("o"), t.rfind("o"), t.index("W"), t.rindex("l"), t.count("l"), t.count("l", 4), t.find("o", 5, 9))
            print("{} + {} = {total}".format(1, 2, total=3), "7".zfill(3), "a=b=c".partition("="), "a=b=c".rpartition("="))
            print("123".isdigit(), "abc".isalpha(), "ab1".isalnum(), "  ".isspace(), "AB".isupper(), "ab".islower(), "Ab Cd".istitle())
            print("x_1".isidentifier(), "12".isdecimal(), "12".isnumeric(), "ab".isascii(), "ab".isprintable())
            print("prefix_x".removeprefix("prefix_"), "x.py".removesuffix(".py"), "a\nb\n".splitlines(), "a\nb".splitlines(keepends=True))
            print("hé".encode(), "hé".encode("latin-1"), "hé".encode(errors="replace"))
            try:
                t.index("z")
            except ValueError as e:
                print("ValueError:", e)
            try:
                t.split("")
            except ValueError as e:
                print("ValueError:", e)
            try:
                t.upper(1)
            except TypeError as e:
                print(type(e).__name__)
            try:
                t.startswith(1)
            except TypeError as e:
                print("TypeError:", e)
            try:
                t.join([1, 2])
            except TypeError as e:
                print("TypeError:", e)
            """));

    [Fact]
    public void ContainerMethods_PrintAsPython() =>
        Assert.Equal("""
            [7, 3, 1, 2, 5, 9] 0 8 [7, 3, 1, 2, 5, 9]
            3 1 1 0
            [1, 2, 3, 5, 7, 9]
            [9, 7, 5, 3, 2, 1]
            [9, 3, 7, 1, 5, 2]
            [] [2, 5, 1, 7, 3]
            ValueError: 42 is not in list
            IndexError: pop from empty list
            TypeError
            TypeError
            1 None 0 3 1
            [('a', 1), ('b', 2), ('c', 3)] ['a', 'b', 'c'] [1, 2, 3]
            4 none {'a': 1, 'b': 2, 'c': 3}
            KeyError: 'zz'
            {}
            [2, 3] True True True
            True
            set()
            KeyError: 5

            """.Replace("\r\n", "\n"), SnippetRunner.TranslateAndRun("""
            xs = [3, 1, 2]
            xs.append(5)
            xs.extend([9, 0])
            xs.insert(0, 7)
            xs.insert(-100, 8)
            print(xs, xs.pop(), xs.pop(0), xs)
            print(xs.index(2), xs.index(3, 1), xs.count(1), xs.count(4))
            xs.sort()
            print(xs)
            xs.sort(reverse=True)
            print(xs)
            xs.sort(key=lambda v: v % 3, reverse=False)
            print(xs)
            xs.remove(9)
            xs.reverse()
            ys = xs.copy()
            xs.clear()
            print(xs, ys)
            try:
                ys.index(42)
            except ValueError as e:
                print("ValueError:", e)
            try:
                [].pop()
            except IndexError as e:
                print("IndexError:", e)
            try:
                ys.append()
            except TypeError as e:
                print(type(e).__name__)
            try:
                ys.sort(lambda v: v)
            except TypeError as e:
                print(type(e).__name__)
            d = {"a": 1, "b": 2}
            print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 9))
            print(list(d.items()), list(d.keys()), list(d.values()))
            d.update({"d": 4})
            print(d.pop("d"), d.pop("zz", "none"), d)
            try:
                d.pop("zz")
            except KeyError as e:
                print("KeyError:", e)
            d.clear()
            print(d)
            st = {1, 2}
            st.add(3)
            st.discard(7)
            st.remove(1)
            print(sorted(st), st.issubset({2, 3, 4}), st.issuperset({2}), st.isdisjoint({9}))
            print(st.pop() in (2, 3))
            st.clear()
            print(st)
            try:
                st.remove(5)
            except KeyError as e:
                print("KeyError:", e)
            """));

    [Fact]
    public void FutureMethods_PrintAsTheCorpusUnsync()
    {
        const string py = """
            import asyncio
            from unsync import unsync, Unfuture

            @unsync
            def double(x):
                return x * 2

            @unsync
            async def slow(x):
                await asyncio.sleep(0.01)
                return x + 1

            @unsync
            async def early():
                fut = slow(1)
                try:
                    fut.result()
                except asyncio.InvalidStateError as exc:
                    print(type(exc).__name__, exc)
                return await fut

            f = double(21)
            print(f.result(), f.done(), f.result(timeout=5))
            g = f.then(lambda v: v + 1)
            print(g.result())
            u = Unfuture()
            u.set_result("ok")
            print(u.result(), u.done())
            print(early().result())
            try:
                f.result(1, 2)
            except TypeError as e:
                print(type(e).__name__)
            """;
        var code = Translate(py);
        Assert.Contains("fut.Result()", code);
        Assert.Contains("PyUnsync.Then(MainModule.f, ", code);
        Assert.Contains("PyUnsync.SetResult(MainModule.u, \"ok\")", code);
        Assert.Equal("42 True 42\n43\nok True\nInvalidStateError Calling result() in an unsync method is not allowed\n2\nTypeError\n",
            SnippetRunner.TranslateAndRun(py));
    }
}
