using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Translation;

public sealed partial class ProgramTranslator
{
    Lazy<bool>? _readsHandledException;

    /// <summary>
    /// Whether the program imports something that reads the exception an except clause is handling
    /// (CPython's <c>sys.exc_info()</c>): <c>logging</c>, whose <c>exception()</c> and <c>exc_info=True</c>
    /// print it. Its except clauses then make the exception known to the runtime
    /// (<c>Py.Handling</c>); other programs' stay as they were.
    /// </summary>
    internal bool ReadsHandledException => (_readsHandledException ??= new(() => Analysis.Modules.Any(m => ImportsLogging(m.Tree)))).Value;

    static bool ImportsLogging(Node root)
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
