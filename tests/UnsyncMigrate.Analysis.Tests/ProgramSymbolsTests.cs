using UnsyncMigrate.Analysis.Program;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Analysis.Tests;

/// <summary>
/// The program model's name resolution: imports (aliases, packages, re-exports, star and
/// relative imports, imports in functions and in try), Python's scopes and the builtins, as
/// one answer for the report and the translation.
/// </summary>
public class ProgramSymbolsTests : IDisposable
{
    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    AnalyzedProgram Load(params (string Path, string Source)[] files)
    {
        foreach (var (path, source) in files) _dir.Write(path, source.ReplaceLineEndings("\n"));
        return AnalyzedProgram.Load(_dir.Path, jobs: 1);
    }

    /// <summary>What <paramref name="name"/> means at module level of <paramref name="module"/>, as text.</summary>
    static string AtModule(AnalyzedProgram p, string module, string name) => Show(p.Symbols.Resolve(p.Module(module)!.Scope, name));

    /// <summary>What <paramref name="name"/> means inside the function <paramref name="function"/> of <paramref name="module"/>.</summary>
    static string InFunction(AnalyzedProgram p, string module, string function, string name)
    {
        var m = p.Module(module)!;
        var def = FindDef(m.Tree, function) ?? throw new InvalidOperationException("no def " + function);
        return Show(p.Symbols.Resolve(m.ScopeOf(def)!, name));
    }

    static Node? FindDef(Node root, string name)
    {
        if (root is StmtFunctionDef f && f.Name == name || root is StmtAsyncFunctionDef a && a.Name == name) return root;
        foreach (var c in root.ChildNodes())
            if (FindDef(c, name) is { } found) return found;
        return null;
    }

    static string Show(Symbol s) => s switch
    {
        ModuleSymbol m => $"module {m.Path}{(m.IsExternal ? " (external)" : "")}",
        ExternalSymbol e => $"external {e.Path}",
        MemberSymbol m => $"member {m.Module.Name}.{m.Member}",
        BuiltinSymbol b => $"builtin {b.Name}",
        VariableSymbol v => $"variable of {(v.Scope.Kind == Semantics.ScopeKind.Module ? v.Scope.Module.Name : v.Scope.Qualname)}",
        UnboundSymbol => "unbound",
        _ => s.ToString(),
    };

    [Fact]
    public void Resolve_ImportAliases_NameTheRealModule()
    {
        var p = Load(("main.py", """
            import orjson as json
            import numpy as np
            import os.path
            import json as std_json
            from os import path
            from unsync import unsync, Unfuture
            import unsync as u
            """));
        Assert.Equal("module orjson (external)", AtModule(p, "main", "json"));
        Assert.Equal("module numpy (external)", AtModule(p, "main", "np"));
        Assert.Equal("module os (external)", AtModule(p, "main", "os"));
        Assert.Equal("module json (external)", AtModule(p, "main", "std_json"));
        Assert.Equal("external os.path", AtModule(p, "main", "path"));
        Assert.Equal("external unsync.unsync", AtModule(p, "main", "unsync"));
        Assert.Equal("external unsync.Unfuture", AtModule(p, "main", "Unfuture"));
        Assert.Equal("module unsync (external)", AtModule(p, "main", "u"));
    }

    [Fact]
    public void Resolve_PackageReExports_FollowToTheDefiningModule()
    {
        var p = Load(
            ("main.py", "from pkg import fetch, impl, VERSION\nimport pkg.impl\nfrom pkg.impl import helper as h\n"),
            ("pkg/__init__.py", "from .impl import fetch\nVERSION = 2\n"),
            ("pkg/impl.py", "def fetch():\n    return 1\n\ndef helper():\n    return 2\n"));
        Assert.Equal("member pkg.impl.fetch", AtModule(p, "main", "fetch"));
        Assert.Equal("module pkg.impl", AtModule(p, "main", "impl"));
        Assert.Equal("member pkg.VERSION", AtModule(p, "main", "VERSION"));
        Assert.Equal("module pkg", AtModule(p, "main", "pkg"));
        Assert.Equal("member pkg.impl.helper", AtModule(p, "main", "h"));
        Assert.Equal("variable of pkg.impl", AtModule(p, "pkg.impl", "fetch"));
    }

    [Fact]
    public void Resolve_StarImports_FromTheProgramAndOutside()
    {
        var p = Load(
            ("main.py", "from shapes import *\nfrom os import *\n"),
            ("shapes.py", "from math import pi\nclass Circle:\n    pass\n_hidden = 1\n"));
        Assert.Equal("member shapes.Circle", AtModule(p, "main", "Circle"));
        Assert.Equal("external math.pi", AtModule(p, "main", "pi"));
        Assert.Equal("external os.getcwd", AtModule(p, "main", "getcwd"));
        Assert.Equal("external os.open", AtModule(p, "main", "open"));      // os exports open: it shadows the builtin
        Assert.Equal("builtin len", AtModule(p, "main", "len"));
        Assert.Equal("unbound", AtModule(p, "main", "_hidden"));
    }

    [Fact]
    public void Resolve_ImportsInFunctionsAndTry_AreSeenWhereTheyBind()
    {
        var p = Load(("main.py", """
            try:
                import orjson as json
            except ImportError:
                import json

            try:
                import yaml
            except ImportError:
                yaml = None

            def load():
                import csv
                from collections import deque
                return csv, deque

            def other():
                return csv
            """));
        Assert.Equal("variable of main", AtModule(p, "main", "json"));          // which one is known only at run time
        Assert.Equal("variable of main", AtModule(p, "main", "yaml"));
        Assert.Equal("module csv (external)", InFunction(p, "main", "load", "csv"));
        Assert.Equal("external collections.deque", InFunction(p, "main", "load", "deque"));
        Assert.Equal("unbound", InFunction(p, "main", "other", "csv"));
    }

    [Fact]
    public void Resolve_Scopes_FollowPythonsRules()
    {
        var p = Load(("main.py", """
            len = 3
            counter = 0

            class Box:
                size = 1

                def method(self):
                    return size

            def outer():
                total = 1
                def inner():
                    nonlocal total
                    return total, counter, print
                def bump():
                    global counter
                    counter += 1
                return inner
            """));
        Assert.Equal("variable of main", AtModule(p, "main", "len"));
        Assert.Equal("unbound", InFunction(p, "main", "method", "size"));     // a class body does not enclose its methods
        Assert.Equal("variable of outer", InFunction(p, "main", "inner", "total"));
        Assert.Equal("variable of main", InFunction(p, "main", "inner", "counter"));
        Assert.Equal("builtin print", InFunction(p, "main", "inner", "print"));
        Assert.Equal("variable of main", InFunction(p, "main", "bump", "counter"));
        Assert.Equal("variable of main", AtModule(p, "main", "__name__"));
    }

    [Fact]
    public void Resolve_SourceLayoutAndRelativeImports_FindProgramModules()
    {
        var p = Load(
            ("main.py", "import app.core\nfrom app import util\n"),
            ("src/app/__init__.py", ""),
            ("src/app/core.py", "from . import util\nfrom .util import twice\nfrom .. import nothing_there\n"),
            ("src/app/util.py", "def twice(x):\n    return 2 * x\n"));
        Assert.Equal("module src.app", AtModule(p, "main", "app"));
        Assert.Equal("module src.app.util", AtModule(p, "main", "util"));
        Assert.Equal("module src.app.util", AtModule(p, "src.app.core", "util"));
        Assert.Equal("member src.app.util.twice", AtModule(p, "src.app.core", "twice"));
        Assert.Equal("unbound", AtModule(p, "src.app.core", "nothing_there"));
    }

    [Fact]
    public void ResolveImport_TellsWhatOneOfSeveralImportsBinds()
    {
        var p = Load(("main.py", "try:\n    import orjson as json\nexcept ImportError:\n    import json\n"));
        var m = p.Module("main")!;
        var aliases = m.Tree.Body.OfType<StmtTry>().Single() is var t
            ? new[] { ((StmtImport)t.Body[0]).Names[0], ((StmtImport)t.Handlers[0].Body[0]).Names[0] } : [];
        Assert.Equal("module orjson (external)", Show(p.Symbols.ResolveImport(m.Scope, aliases[0])));
        Assert.Equal("module json (external)", Show(p.Symbols.ResolveImport(m.Scope, aliases[1])));
    }

    [Fact]
    public void Load_ParsesOnce_ReportsBadFiles_AndTiesWrappingsToTheirDefs()
    {
        var p = Load(
            ("main.py", "from unsync import unsync\n\n@unsync\ndef work():\n    return 1\n\nprint(work().result())\n"),
            ("broken.py", "def f(:\n"));
        Assert.Equal(["main.py"], p.Modules.Select(m => m.RelativePath));
        Assert.Equal("broken.py", Assert.Single(p.Problems).File);
        var wrapping = Assert.Single(p.Wrappings);
        Assert.Equal(Model.ExecutionMode.Thread, wrapping.Function.Mode);
        var def = FindDef(p.Module("main")!.Tree, "work")!;
        Assert.Same(wrapping, p.WrappingOf(def));
        Assert.Contains("print(work().result())", p.Module("main")!.Text);
        Assert.Single(p.Report.Functions);
    }
}
