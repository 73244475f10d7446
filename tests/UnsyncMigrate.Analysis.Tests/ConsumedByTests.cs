using UnsyncMigrate.Analysis.Model;
using UnsyncMigrate.Analysis.Semantics;
using UnsyncMigrate.Analysis.Tests.Support;
using UnsyncMigrate.Python;
using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Analysis.Tests;

/// <summary>The README's consumed_by rules, judged from the call's immediate syntactic parent.</summary>
public class ConsumedByTests
{
    const string Prelude = """
        from unsync import unsync

        @unsync
        def f(*a, **k):
            pass

        def g(*a, **k):
            pass

        async def host(c, r, x, d, items):

        """;

    [Theory]
    // What the corpus shows.
    [InlineData("f().result()", "result")]
    [InlineData("f().result(timeout=1)", "result")]
    [InlineData("f().then(g)", "then")]
    [InlineData("await f()", "await")]
    [InlineData("g(f(), 1.0)", "argument")]
    [InlineData("x = f()", "stored")]
    [InlineData("x = [f() for _ in items]", "stored")]
    [InlineData("x = [f(), 1]", "stored")]
    [InlineData("return f()", "stored")]
    [InlineData("f()", "discarded")]
    // Parents the corpus does not show.
    [InlineData("g(key=f())", "argument")]
    [InlineData("g(*f())", "argument")]
    [InlineData("g(**f())", "argument")]
    [InlineData("f().done()", "stored")]
    [InlineData("x = f().result", "stored")]
    [InlineData("x.attr = f()", "stored")]
    [InlineData("d['k'] = f()", "stored")]
    [InlineData("x: int = f()", "stored")]
    [InlineData("(y := f())", "stored")]
    [InlineData("x = (f(),)", "stored")]
    [InlineData("x = {f()}", "stored")]
    [InlineData("x = {'k': f()}", "stored")]
    [InlineData("x = {f(): 1}", "stored")]
    [InlineData("x = {k: f() for k in items}", "stored")]
    [InlineData("x = list(f() for _ in items)", "stored")]
    [InlineData("x = [*f()]", "stored")]
    [InlineData("yield f()", "stored")]
    [InlineData("x = lambda: f()", "stored")]
    [InlineData("x = f() if c else None", "stored")]
    [InlineData("x = f() or r", "stored")]
    [InlineData("x = f() + 1", "stored")]
    [InlineData("x = not f()", "stored")]
    [InlineData("x = f() == 1", "stored")]
    [InlineData("with f():\n        pass", "stored")]
    [InlineData("for _ in f():\n        pass", "stored")]
    [InlineData("x = f()[0]", "stored")]
    [InlineData("x = f()(1)", "stored")]
    [InlineData("x = f'{f()}'", "stored")]
    [InlineData("assert f()", "stored")]
    [InlineData("if f():\n        pass", "stored")]
    public void ConsumedBy(string statement, string expected)
    {
        var r = Py.Scan(Prelude + "    " + statement + "\n");
        Assert.Equal(expected, r.Consumed());
    }

    [Fact]
    public void ACallInALoopIsListedOnce()
    {
        var r = Py.Scan(Prelude + "    for i in items:\n        f(i).result()\n    while c:\n        f()\n");
        Assert.Equal(["12 f thread result", "14 f thread discarded"], r.Calls());
    }

    [Fact]
    public void TheRuleIsSyntactic()
    {
        // The classifier on its own: a Call whose parent is an attribute that is itself called.
        var module = PythonParser.ParseOrThrow("a().result()\n");
        var stmt = (StmtExpr)module.Body[0];
        var outer = (ExprCall)stmt.Value;
        var attr = (ExprAttribute)outer.Func;
        var inner = (ExprCall)attr.Value;
        Assert.Equal(Consumption.Result, UnsyncAnalyzer.ConsumedBy(inner, attr, outer));
        Assert.Equal(Consumption.Discarded, UnsyncAnalyzer.ConsumedBy(outer, stmt, null));
    }
}
