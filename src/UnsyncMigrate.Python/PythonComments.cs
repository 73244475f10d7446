using System.Text;
using UnsyncMigrate.Python.Lexing;
using UnsyncMigrate.Python.Parsing;
using UnsyncMigrate.Python.Text;

namespace UnsyncMigrate.Python;

/// <summary>
/// Reads a file's comments with the parser's own tokenizer (comments are not in the AST).
/// A separate pass rather than a parse option: parsing, which is benchmarked, stays as it was,
/// and only callers that want comments pay for a second tokenization.
/// </summary>
public static class PythonComments
{
    /// <summary>The comments of already-decoded source text, in source order.</summary>
    public static IReadOnlyList<PythonComment> Scan(string source)
    {
        // The tokenizer expects universal newlines, as the parser gives it.
        string text = source.Contains('\r') ? source.Replace("\r\n", "\n").Replace('\r', '\n') : source;
        var utf8 = Encoding.UTF8.GetBytes(text);
        return ScanUtf8(utf8);
    }

    /// <summary>The comments of a file's raw bytes (decoded as the parser decodes them); none if it cannot be decoded.</summary>
    public static IReadOnlyList<PythonComment> ScanFile(byte[] source)
    {
        if (!SourceDecoder.TryDecode(source, out var utf8, out _)) return [];
        return Scan(Encoding.UTF8.GetString(utf8.Span));
    }

    /// <summary>
    /// Tokenizes to the end, collecting comments. A source with a lexical error yields the
    /// comments before the error (its parse reports the error itself).
    /// </summary>
    static List<PythonComment> ScanUtf8(byte[] utf8)
    {
        var comments = new List<PythonComment>();
        var tokenizer = new Tokenizer(utf8, utf8.Length) { Comments = comments };
        try
        {
            while (tokenizer.Next().Kind != TokenKind.EndMarker) { }
        }
        catch (PythonSyntaxException) { }
        return comments;
    }
}
