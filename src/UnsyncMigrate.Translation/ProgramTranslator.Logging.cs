using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Translation;

public sealed partial class ProgramTranslator
{
    Lazy<bool>? _importsLogging;

    /// <summary>
    /// Whether the program imports something that reads the exception an except clause is handling
    /// (CPython's <c>sys.exc_info()</c>): <c>logging</c>, whose <c>exception()</c> and <c>exc_info=True</c>
    /// print it. Its except clauses then make the exception known to the runtime
    /// (<c>Py.Handling</c>); other programs' stay as they were.
    /// </summary>
    internal bool ReadsHandledException => ImportsLogging;

    /// <summary>Whether a module of the program imports <c>logging</c> (or a submodule of it).</summary>
    internal bool ImportsLogging => (_importsLogging ??= new(() => Analysis.Modules.Any(m => Imports(m.Tree)))).Value;

    static bool Imports(Node root)
    {
        var stack = new Stack<Node>([root]);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            switch (n)
            {
                case StmtImport i when i.Names.Any(a => IsLogging(a.Name)):
                case StmtImportFrom { Level: 0 or null } f when IsLogging(f.Module):
                    return true;
            }
            foreach (var c in n.ChildNodes()) stack.Push(c);
        }
        return false;
    }

    static bool IsLogging(string? module) => module == "logging" || module?.StartsWith("logging.", StringComparison.Ordinal) == true;
}
