using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

// The try of a with / async with item.
internal sealed partial class ModuleTranslator
{
    /// <summary>
    /// The body in a try that catches an exception, calls <c>__exit__</c> (awaits <c>__aexit__</c>)
    /// with it and rethrows it unless that returned true; the finally calls it without an exception
    /// on any other way out (end of body, return, break, continue). Caught, not filtered: a filter
    /// runs before the body's own finally blocks, and Python runs those first.
    /// </summary>
    static TryStatementSyntax ContextTry(StatementSyntax inner, string cm, string done, string ex, bool isAsync)
    {
        ExpressionSyntax Exit(ExpressionSyntax exception) => isAsync ? AwaitExpression(Py("AExit", Id(cm), exception)) : Py("Exit", Id(cm), exception);
        var handler = Block(
            Stmt(Assign(Id(done), Cs.True)),
            IfStatement(Not(Exit(Id(ex))), ThrowStatement()));
        return TryStatement(Block(inner),
            SingletonList(CatchClause(CatchDeclaration(ParseTypeName("System.Exception"), Identifier(ex)), null, handler)),
            FinallyClause(Block(IfStatement(Not(Id(done)), Stmt(Exit(Cs.Null))))));
    }
}
