namespace UnsyncMigrate.Python.Text;

// Placeholder until the real decoder lands (wip/decoder): UTF-8 only.
public static class SourceDecoder
{
    public static bool TryDecode(ReadOnlyMemory<byte> data, out ReadOnlyMemory<byte> utf8, out SyntaxDiagnostic? error)
    {
        var span = data.Span;
        if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF) data = data[3..];
        if (!System.Text.Unicode.Utf8.IsValid(data.Span))
        {
            utf8 = default;
            error = new SyntaxDiagnostic("DecodeError", "invalid utf-8", null, null);
            return false;
        }
        utf8 = data;
        error = null;
        return true;
    }
}
