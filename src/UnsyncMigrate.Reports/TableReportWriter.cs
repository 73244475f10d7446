using UnsyncMigrate.Analysis.Model;

namespace UnsyncMigrate.Reports;

public sealed record TableOptions(bool Color = false, int Width = 120);

public sealed class TableReportWriter(TableOptions options) : IReportWriter
{
    public TableOptions Options { get; } = options;
    public void Write(ScanResult result, ReportContext context, TextWriter output) => throw new NotImplementedException();
}
