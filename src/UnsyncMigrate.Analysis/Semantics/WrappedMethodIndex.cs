namespace UnsyncMigrate.Analysis.Semantics;

/// <summary>
/// The methods of program classes that unsync wraps, by method name, over the evaluator's
/// wrapper entries. Entries are only ever appended, so the index takes in the new ones before each
/// question instead of passing over all of them per call site (which made the scan quadratic:
/// every method call on a receiver of unknown class asks).
/// </summary>
internal sealed class WrappedMethodIndex(List<WrapperEntry> entries)
{
    readonly Dictionary<string, List<WrapperEntry>> _byName = new(StringComparer.Ordinal);
    int _indexed;

    /// <summary>The qualified names of the wrapped methods called <paramref name="name"/>, distinct, in ordinal order.</summary>
    public List<string> QualnamesNamed(string name)
    {
        for (; _indexed < entries.Count; _indexed++)
        {
            var e = entries[_indexed];
            if (e.Identity.Scope is not { Parent.Kind: ScopeKind.Class } method) continue;
            if (!_byName.TryGetValue(method.Name, out var list)) _byName[method.Name] = list = [];
            list.Add(e);
        }
        return _byName.TryGetValue(name, out var found)
            ? found.Select(e => e.Qualname).Distinct().Order(StringComparer.Ordinal).ToList()
            : [];
    }
}
