namespace UnsyncMigrate.Translation.Tests;

// Constructs that span modules and packages (found by migrating tests/samples/shop).
// Expected output: what CPython 3.13 printed for each snippet.
public partial class ConstructTests
{
    static readonly Snippet[] Packages =
    [
        // "catalog" sorts (and so is translated) before "main": the call then goes straight to the
        // dataclass's constructor, which needs the default fields qualified by their module.
        new(nameof(Dataclass_ConstructedInAnotherModule_UsesItsDefaults), """
            # module: main
            from catalog import Receipt


            def build(n):
                r = Receipt(n)
                r.lines.append('x')
                return r


            r = build(1)
            print(r, Receipt(2, 5), build(3).lines is r.lines)
            # module: catalog
            from dataclasses import dataclass, field


            @dataclass
            class Receipt:
                number: int
                total: int = 0
                lines: list = field(default_factory=list)
            """, "Receipt(number=1, total=0, lines=['x']) Receipt(number=2, total=5, lines=[]) False\n"),
        new(nameof(RelativeImport_OfMissingModule_RaisesModuleNotFoundError), """
            # module: main
            from pkg import fmt, late
            print(fmt(5), fmt.__module__, late())
            # module: pkg/__init__
            from .text import fmt, late
            # module: pkg/text
            try:
                from ._speedups import fmt
            except ImportError as exc:
                print(type(exc).__name__, exc)

                def fmt(n):
                    return f"<{n:03d}>"


            def late():
                try:
                    from .missing import thing
                except ImportError as e:
                    return f"{type(e).__name__}: {e}"
                return thing
            """, "ModuleNotFoundError No module named 'pkg._speedups'\n<005> pkg.text ModuleNotFoundError: No module named 'pkg.missing'\n"),
        new(nameof(Function_DefinedInAnotherModule_KnowsItsModule), """
            # module: main
            import tools
            from tools import Thing, helper, make


            def local():
                pass


            print(helper.__module__, make().__module__, Thing.method.__module__, Thing.build.__module__, tools.lam.__module__)
            print(tools.wrapped.__module__, tools.wrapped.__name__, local.__module__, (lambda: 0).__module__)
            print(helper.__doc__, make().__doc__, Thing.build.__doc__)
            # module: tools
            import functools


            def helper():
                "Helps."


            def make():
                def inner():
                    "Inner doc."
                return inner


            class Thing:
                def method(self):
                    pass

                @staticmethod
                def build():
                    "Builds."


            lam = lambda: 0


            def deco(f):
                @functools.wraps(f)
                def wrapper(*args):
                    return f(*args)
                return wrapper


            @deco
            def wrapped():
                pass
            """, "tools tools tools tools tools\ntools wrapped __main__ __main__\nHelps. Inner doc. Builds.\n"),
        new(nameof(ModulePackage_InScriptTopLevelPackageAndSubpackage_AsCPython), """
            # module: main
            import util
            from app import describe
            from app.sub import leaf

            print(repr(__package__), util.where(), describe(), leaf.where())
            # module: util
            def where():
                return repr(__package__)
            # module: app/__init__
            def describe():
                return repr(__package__)
            # module: app/sub/__init__
            VERSION = 1
            # module: app/sub/leaf
            def where():
                return repr(__package__)
            """, "None '' 'app' 'app.sub'\n"),
    ];

    [Fact] public void Dataclass_ConstructedInAnotherModule_UsesItsDefaults() => Check();
    [Fact] public void RelativeImport_OfMissingModule_RaisesModuleNotFoundError() => Check();
    [Fact] public void Function_DefinedInAnotherModule_KnowsItsModule() => Check();
    [Fact] public void ModulePackage_InScriptTopLevelPackageAndSubpackage_AsCPython() => Check();
}
