using static UnsyncMigrate.Translation.Tests.SnippetRunner;

namespace UnsyncMigrate.Translation.Tests;

/// <summary>
/// Imports wherever Python allows them (inside try, inside functions, star imports, several
/// imports of one name), resolved by the program model and run as CPython runs them.
/// </summary>
public class ImportTranslationTests
{
    [Fact]
    public void Imports_InTryFunctionsAndStar_BindWhatPythonBinds()
    {
        // Recorded with CPython 3.13 (the same three files; neither fastjson_not_installed nor yaml_not_installed is installed).
        const string python = """
            # module: main
            try:
                import fastjson_not_installed as json
            except ImportError:
                import json

            try:
                import yaml_not_installed
            except ImportError:
                yaml_not_installed = None

            from shapes import *


            def load():
                import math
                from helpers import double as twice
                return math.floor(twice(2.6))


            def show():
                from collections import Counter
                c = Counter("abca")
                return sorted(c.items())


            def late():
                try:
                    from helpers import missing_name
                except ImportError as e:
                    return type(e).__name__
                return missing_name


            print(json.dumps({"a": 1}), yaml_not_installed is None, load(), show())
            print(area(Square(3)), late())
            # module: helpers
            def double(x):
                return x * 2
            # module: shapes
            class Square:
                def __init__(self, side):
                    self.side = side


            def area(s):
                return s.side ** 2
            """;
        Assert.Equal("{\"a\": 1} True 5 [('a', 2), ('b', 1), ('c', 1)]\n9 ImportError\n", TranslateAndRun(python.ReplaceLineEndings("\n") + "\n"));
    }

    [Fact]
    public void Name_ReadButNeverBound_RaisesNameErrorWhereItIsRead()
    {
        // CPython 3.13: "before" is printed, then NameError: name 'undefined_thing' is not defined.
        const string python = """
            def use():
                return undefined_thing

            print("before")
            try:
                use()
            except NameError as e:
                print(e)
            """;
        Assert.Equal("before\nname 'undefined_thing' is not defined\n", TranslateAndRun(python.ReplaceLineEndings("\n") + "\n"));
    }

    [Fact]
    public void Builtins_ShadowedByTheProgram_AreTheProgramsOwn()
    {
        // CPython 3.13: the module's range replaces the builtin for the loop; super() is the builtin.
        const string python = """
            def range(n):
                return [n * 10]


            for x in range(3):
                print(x)


            class Shape:
                def area(self):
                    return 0


            class Square(Shape):
                def __init__(self, side):
                    self.side = side

                def area(self):
                    return self.side ** 2 + super().area()


            print(Square(4).area())
            """;
        Assert.Equal("30\n16\n", TranslateAndRun(python.ReplaceLineEndings("\n") + "\n"));
    }
}
