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
    ];

    [Fact] public void Dataclass_ConstructedInAnotherModule_UsesItsDefaults() => Check();
}
