using UnsyncMigrate.Analysis.Tests.Support;

namespace UnsyncMigrate.Analysis.Tests;

/// <summary>Every way a program can get hold of unsync, and names that only look like it.</summary>
public class ImportFormTests
{
    [Fact]
    public void FromImport()
    {
        var r = Py.Scan("""
            from unsync import unsync

            @unsync
            def work():
                return 1

            work().result()
            """);
        Assert.Equal(["work@4 thread decorator"], r.Functions());
        Assert.Equal(["7 work thread result"], r.Calls());
    }

    [Fact]
    public void FromImportAs()
    {
        var r = Py.Scan("""
            from unsync import unsync as bg

            @bg
            async def work():
                return 1

            @bg(cpu_bound=True)
            def crunch():
                return 2

            work().result()
            crunch()
            """);
        Assert.Equal(["work@4 async-loop decorator", "crunch@8 process decorator"], r.Functions());
        Assert.Equal(["11 work async-loop result", "12 crunch process discarded"], r.Calls());
    }

    [Fact]
    public void ImportModuleThenAttribute()
    {
        var r = Py.Scan("""
            import unsync

            @unsync.unsync
            def a():
                pass

            b = unsync.unsync(cpu_bound=True)(len)
            seed = unsync.Unfuture.from_value(3)
            a()
            """);
        Assert.Equal(["a@4 thread decorator", "builtins.len@7 process call-wrapper external"], r.Functions());
        Assert.Equal(["9 a thread discarded"], r.Calls());
        Assert.Contains(r.Operations, o => o.Kind == Model.UnfutureOperationKind.FromValue && o.Line == 8);
    }

    [Fact]
    public void FromInnerModule()
    {
        var r = Py.Scan("""
            from unsync.unsync import unsync, Unfuture

            @unsync
            async def a():
                return await Unfuture.from_value(1)

            a().result()
            """);
        Assert.Equal(["a@4 async-loop decorator"], r.Functions());
        Assert.Equal(["7 a async-loop result"], r.Calls());
    }

    [Fact]
    public void ImportDottedBindsThePackage()
    {
        var r = Py.Scan("""
            import unsync.unsync
            import unsync.unsync as inner

            @unsync.unsync
            def a():
                pass

            @inner.unsync
            def b():
                pass
            """);
        Assert.Equal(["a@5 thread decorator", "b@9 thread decorator"], r.Functions());
    }

    [Fact]
    public void ImportInsideFunction()
    {
        var r = Py.Scan("""
            def main():
                from unsync import unsync

                @unsync
                def inner():
                    return 1

                return inner().result()

            def other():
                @unsync
                def not_unsync():
                    pass
            """);
        Assert.Equal(["main.<locals>.inner@5 thread decorator"], r.Functions());
        Assert.Equal(["8 main.<locals>.inner thread result"], r.Calls());
    }

    [Fact]
    public void StarImport()
    {
        var r = Py.Scan("""
            from unsync import *

            @unsync
            def a():
                pass
            """);
        Assert.Equal(["a@4 thread decorator"], r.Functions());
    }

    [Fact]
    public void LocalFunctionNamedUnsyncIsNotTheLibrary()
    {
        var r = Py.Scan("""
            from unsync import unsync

            def helper():
                def unsync(fn):
                    return fn

                @unsync
                def a():
                    pass
                return a

            def param(unsync):
                @unsync
                def b():
                    pass
            """);
        Assert.Empty(r.Functions);
    }

    [Fact]
    public void RebindingShadowsFromThatPointOn()
    {
        var r = Py.Scan("""
            from unsync import unsync

            @unsync
            def before():
                pass

            unsync = lambda f: f

            @unsync
            def after():
                pass
            """);
        Assert.Equal(["before@4 thread decorator"], r.Functions());
    }

    [Fact]
    public void NoImportNoUnsync()
    {
        var r = Py.Scan("""
            def unsync(f):
                return f

            @unsync
            def a():
                pass
            """);
        Assert.Empty(r.Functions);
    }

    [Fact]
    public void ProgramModuleNamedUnsyncShadowsTheLibrary()
    {
        var r = Py.Scan(
            ("unsync.py", "def unsync(f):\n    return f\n"),
            ("main.py", "from unsync import unsync\n\n@unsync\ndef a():\n    pass\n"));
        Assert.Empty(r.Functions);
    }

    [Fact]
    public void DecoratorReExportedByAHelperModule()
    {
        var r = Py.Scan(
            ("tools.py", "from unsync import unsync as background\n"),
            ("main.py", "from tools import background\n\n@background\ndef a():\n    pass\n\na().result()\n"));
        Assert.Equal(["a@4 thread decorator"], r.Functions());
        Assert.Equal(["7 a thread result"], r.Calls());
    }
}
