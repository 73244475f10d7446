using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Python.Ast;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

// Where a generator's yields go. C# iterators cannot yield inside a try that has a catch, in a
// catch or in a finally (CS1626, CS1631, CS1625), and try/except, finally and 'with' all become
// those; such a generator's body runs as a plain lambda on a thread of its own
// (Py.ThreadedGenerator), and each yield is a call of the callback it is given.
internal sealed partial class ModuleTranslator
{
    /// <summary><c>yield value</c> as a statement of the generator <paramref name="ctx"/>.</summary>
    static StatementSyntax YieldOf(ExpressionSyntax value, FunctionCtx ctx) => ctx.YieldsByCall
        ? Stmt(Call(Id(ctx.YieldCallback), value))
        : YieldStatement(SyntaxKind.YieldReturnStatement, value);

    /// <summary>Whether a generator body yields inside try/except, an except handler, a finally block or a with block (not in a nested def or class).</summary>
    static bool YieldsInHandledBlock(IEnumerable<Stmt> body)
    {
        foreach (var s in body)
        {
            switch (s)
            {
                case StmtTry t:
                    if ((t.Handlers.Count > 0 && HasYield(t.Body)) || t.Handlers.Any(h => HasYield(h.Body)) || HasYield(t.Finalbody)) return true;
                    if (YieldsInHandledBlock(t.Body) || YieldsInHandledBlock(t.Orelse)) return true;
                    break;
                case StmtTryStar ts:
                    if (HasYield(ts.Body) || ts.Handlers.Any(h => HasYield(h.Body)) || HasYield(ts.Finalbody) || HasYield(ts.Orelse)) return true;
                    break;
                case StmtWith w when HasYield(w.Body): return true;
                case StmtFunctionDef or StmtAsyncFunctionDef or StmtClassDef: break;
                default:
                    if (s.ChildNodes().OfType<Stmt>().Any() && YieldsInHandledBlock(s.ChildNodes().OfType<Stmt>())) return true;
                    break;
            }
        }
        return false;
    }

    static bool HasYield(IEnumerable<Stmt> body) => ContainsYield(body);
}
