using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Python.Ast;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

// async with, async for and async generators: Python's asynchronous protocols over the
// runtime's Py.AEnter/AExit/AIter/ANext and PyAsyncGenerator.
internal sealed partial class ModuleTranslator
{
    /// <summary><c>async for target in iter: body [else: ...]</c>; the else block runs when the loop ends without break.</summary>
    IEnumerable<StatementSyntax> AsyncForStmt(StmtAsyncFor f, FunctionCtx ctx)
    {
        string item = NewTemp("item");
        var loopBody = new List<StatementSyntax>();
        loopBody.AddRange(AssignTo(f.Target, Id(item), ctx));
        string? broke = f.Orelse.Count > 0 ? NewTemp("broke") : null;
        var inner = Statements(f.Body, ctx);
        loopBody.AddRange(broke == null ? inner : inner.Select(s => MarkBreaks(s, broke)));
        var loop = AsyncForLoop(item, Py("AIter", Expression(f.Iter, ctx)), loopBody);
        if (broke == null) return loop;
        return [Local(Cs.BoolType, broke, Cs.False), .. loop, IfStatement(Not(Id(broke)), Block(Statements(f.Orelse, ctx)))];
    }

    /// <summary>
    /// The loop of an <c>async for</c> (statement or comprehension): <paramref name="aiter"/> is the
    /// iterator (<c>Py.AIter(...)</c>); each step awaits <c>__anext__()</c> into
    /// <paramref name="item"/> and ends at StopAsyncIteration. The loop's own break is added after
    /// <paramref name="body"/>'s breaks were marked for an else block.
    /// </summary>
    List<StatementSyntax> AsyncForLoop(string item, ExpressionSyntax aiter, List<StatementSyntax> body)
    {
        string it = NewTemp("ait");
        var step = new List<StatementSyntax>
        {
            Local(Cs.Object, item, AwaitExpression(Py("ANext", Id(it)))),
            IfStatement(Call(Id("ReferenceEquals"), Id(item), Member(Id("Py"), "AsyncStop")), BreakStatement()),
        };
        step.AddRange(body);
        return [Local(Cs.Object, it, aiter), WhileStatement(Cs.True, Block(step))];
    }

    /// <summary>
    /// An async generator function's body: the statements in a local C# async iterator (nothing
    /// runs before the first <c>__anext__()</c>, each <c>yield</c> is a <c>yield return</c>),
    /// returned as the runtime's async_generator object.
    /// </summary>
    List<StatementSyntax> AsyncGeneratorBody(IEnumerable<StatementSyntax> statements, string qualName)
    {
        string gen = NewTemp("agen");
        return [LocalFunctionStatement(ParseTypeName("IAsyncEnumerable<object?>"), gen)
                .WithModifiers(TokenList(Token(SyntaxKind.AsyncKeyword))).WithBody(Block(statements)),
            ReturnStatement(Py("AsyncGenerator", Call(Id(gen)), Str(qualName)))];
    }

    /// <summary>
    /// Why an async generator is not translated, or null. C# has no yield inside a try with a catch
    /// (so neither inside a with, which is one) nor inside a finally; @unsync on an async generator
    /// is something unsync does not support as such (see the message).
    /// </summary>
    static string? AsyncGeneratorGap(FuncSig sig, IReadOnlyList<Stmt> body)
    {
        if (sig.Mode != UnsyncMode.None)
            return "@unsync on an async generator (unsync sees no coroutine function: it calls it on its thread pool, "
                + "so the Unfuture's result() is the async generator and 'async for' over the Unfuture raises TypeError)";
        return body.Any(s => YieldInsideHandler(s, false)) ? "async generator with yield inside try/except, with or finally" : null;
    }

    /// <summary>Whether a yield in <paramref name="s"/> sits where C# cannot yield (<paramref name="guarded"/>: already inside one).</summary>
    static bool YieldInsideHandler(Stmt s, bool guarded)
    {
        switch (s)
        {
            case StmtFunctionDef or StmtAsyncFunctionDef or StmtClassDef:
                return false;
            case StmtTry t:
                return t.Body.Any(b => YieldInsideHandler(b, guarded || t.Handlers.Count > 0))
                    || t.Handlers.Any(h => h.Body.Any(b => YieldInsideHandler(b, true)))
                    || t.Orelse.Any(b => YieldInsideHandler(b, guarded))
                    || t.Finalbody.Any(b => YieldInsideHandler(b, true));
            case StmtTryStar ts:
                return ContainsYield([ts]);
            case StmtWith or StmtAsyncWith:
                return ContainsYield([s]);
            case StmtIf i:
                return i.Body.Concat(i.Orelse).Any(b => YieldInsideHandler(b, guarded));
            case StmtFor f:
                return f.Body.Concat(f.Orelse).Any(b => YieldInsideHandler(b, guarded));
            case StmtAsyncFor af:
                return af.Body.Concat(af.Orelse).Any(b => YieldInsideHandler(b, guarded));
            case StmtWhile w:
                return w.Body.Concat(w.Orelse).Any(b => YieldInsideHandler(b, guarded));
            case StmtMatch m:
                return m.Cases.Any(c => c.Body.Any(b => YieldInsideHandler(b, guarded)));
            default:
                return guarded && ContainsYield([s]);
        }
    }
}
