using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

// async with, async for and async generators: Python's asynchronous protocols over the
// runtime's Py.AEnter/AExit/AIter/ANext and PyAsyncGenerator.
internal sealed partial class ModuleTranslator
{
    /// <summary>
    /// <c>async with</c>'s try: C# allows no await in an exception filter, so the exception is
    /// caught, <c>__aexit__</c> awaited with it, and rethrown unless it was suppressed (the body's
    /// own finally blocks have run by then, as in Python); the finally awaits <c>__aexit__</c>
    /// without an exception on any other way out (end of body, return, break, continue).
    /// </summary>
    static TryStatementSyntax AsyncContextTry(StatementSyntax inner, string cm, string done, string ex)
    {
        var handler = Block(
            Stmt(Assign(Id(done), Cs.True)),
            IfStatement(Not(AwaitExpression(Py("AExit", Id(cm), Id(ex)))), ThrowStatement()));
        return TryStatement(Block(inner),
            SingletonList(CatchClause(CatchDeclaration(ParseTypeName("System.Exception"), Identifier(ex)), null, handler)),
            FinallyClause(Block(IfStatement(Not(Id(done)), Stmt(AwaitExpression(Py("AExit", Id(cm), Cs.Null)))))));
    }
}
