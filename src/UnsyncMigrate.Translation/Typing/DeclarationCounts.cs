namespace UnsyncMigrate.Translation;

/// <summary>The kinds of declarations the typing report counts (self/cls parameters are not counted: they are always the class).</summary>
public enum DeclKind { Parameter, Local, Global, Field, Return }

/// <summary>How many declarations of one kind the generated C# has, and how many of them have a static (non-object) type.</summary>
public sealed record DeclCount(DeclKind Kind, int Total, int Typed);

/// <summary>The typing figures of one module, or of the whole program (<see cref="Module"/> = "*").</summary>
public sealed record TypingReport(string Module, IReadOnlyList<DeclCount> Kinds)
{
    public int Total => Kinds.Sum(k => k.Total);
    public int Typed => Kinds.Sum(k => k.Typed);
    public double Percent => Total == 0 ? 0 : 100.0 * Typed / Total;

    /// <summary>"declarations: 412, statically typed: 287 (69.7%)".</summary>
    public string Summary => $"declarations: {Total}, statically typed: {Typed} ({Percent.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}%)";

    public static TypingReport Sum(string module, IEnumerable<TypingReport> parts)
    {
        var list = parts.ToList();
        return new TypingReport(module, Enum.GetValues<DeclKind>().Select(k => new DeclCount(k,
            list.Sum(p => p.Kinds.Where(c => c.Kind == k).Sum(c => c.Total)),
            list.Sum(p => p.Kinds.Where(c => c.Kind == k).Sum(c => c.Typed)))).ToList());
    }
}

/// <summary>Counts declarations as the translator emits them (so the figure is what the C# really declares).</summary>
internal sealed class DeclarationCounter
{
    readonly Dictionary<DeclKind, (int Total, int Typed)> _counts = [];

    // UM_TYPING_TRACE=1 lists every counted declaration and its type on stderr (for studying what stays dynamic).
    static readonly bool Trace = Environment.GetEnvironmentVariable("UM_TYPING_TRACE") == "1";

    public void Add(DeclKind kind, Typing.PyType type, string what)
    {
        var (t, s) = _counts.GetValueOrDefault(kind);
        _counts[kind] = (t + 1, s + (type.IsStatic ? 1 : 0));
        if (Trace) Console.Error.WriteLine($"typing: {kind,-9} {(type.IsStatic ? type.ToString() : "object"),-8} {what}");
    }

    /// <summary>A void return: nothing to type, so it counts as statically typed.</summary>
    public void AddVoid(DeclKind kind, string what)
    {
        var (t, s) = _counts.GetValueOrDefault(kind);
        _counts[kind] = (t + 1, s + 1);
        if (Trace) Console.Error.WriteLine($"typing: {kind,-9} {"void",-8} {what}");
    }

    public TypingReport Report(string module) =>
        new(module, Enum.GetValues<DeclKind>().Select(k => new DeclCount(k, _counts.GetValueOrDefault(k).Total, _counts.GetValueOrDefault(k).Typed)).ToList());
}
