using UnsyncMigrate.Analysis.Model;

namespace UnsyncMigrate.Reports;

public sealed class SarifReportWriter : IReportWriter
{
    public void Write(ScanResult result, ReportContext context, TextWriter output) => throw new NotImplementedException();
}
