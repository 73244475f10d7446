using UnsyncMigrate.Analysis.Model;
using UnsyncMigrate.Analysis.Scanning;

namespace UnsyncMigrate.Analysis.Tests.Support;

/// <summary>Scans Python sources held in memory and shows the results compactly for assertions.</summary>
public static class Py
{
    /// <summary>Scans one module, <c>main.py</c>.</summary>
    public static ScanResult Scan(string main) => Scanner.ScanSources([("main.py", main)]);

    /// <summary>Scans several files: (relative path, source).</summary>
    public static ScanResult Scan(params (string Path, string Source)[] files) => Scanner.ScanSources(files);

    /// <summary><c>qualname@line mode how</c> per function, in report order.</summary>
    public static string[] Functions(this ScanResult r) =>
        r.Functions.Select(f => $"{f.Qualname}@{f.Line} {ReportNames.Of(f.Mode)} {ReportNames.Of(f.How)}"
                                + (f.WrappedAt is int w ? $" at {w}" : "") + (f.External ? " external" : "")).ToArray();

    /// <summary><c>line callee mode consumed_by</c> per call site (file prefix when not main.py).</summary>
    public static string[] Calls(this ScanResult r) =>
        r.CallSites.Select(c => (c.File == "main.py" ? "" : c.File + ":") + $"{c.Line} {c.Callee} {ReportNames.Of(c.Mode)} {ReportNames.Of(c.ConsumedBy)}").ToArray();

    /// <summary><c>code@line</c> per hazard.</summary>
    public static string[] HazardCodes(this ScanResult r) => r.Hazards.Select(h => $"{h.Code}@{h.Line}").ToArray();

    /// <summary>The consumed_by of the only call site.</summary>
    public static string Consumed(this ScanResult r) => ReportNames.Of(Assert.Single(r.CallSites).ConsumedBy);

    /// <summary>The mode of the only function.</summary>
    public static string Mode(this ScanResult r) => ReportNames.Of(Assert.Single(r.Functions).Mode);
}
