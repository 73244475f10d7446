using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Python.Parsing;
using UnsyncMigrate.Python.Text;

namespace UnsyncMigrate.Python;

/// <summary>
/// Entry point of the front end: Python 3.13 source in, CPython-identical AST out.
/// Never throws on bad input: every failure is a <see cref="SyntaxDiagnostic"/>.
/// The parser is recursive descent; deep sources need a large stack (run it on a thread
/// with a big stack, as the CLI does). On a small stack it reports a RecursionError
/// instead of overflowing.
/// </summary>
public static class PythonParser
{
    /// <summary>Parses a file's raw bytes, decoding them as CPython does (BOM, PEP 263 cookie, UTF-8).</summary>
    public static ParseResult ParseFile(byte[] source)
    {
        if (!SourceDecoder.TryDecode(source, out var utf8, out var decodeError))
            return ParseResult.Fail(decodeError!);
        return ParseUtf8(utf8);
    }

    /// <summary>Parses already-decoded source text (like <c>ast.parse(str)</c>).</summary>
    public static ParseResult ParseText(string source) => ParseUtf8(Encoding.UTF8.GetBytes(source));

    /// <summary>Convenience for tests and tools: the module, or an exception describing the error.</summary>
    public static ModModule ParseOrThrow(string source)
    {
        var r = ParseText(source);
        return r.Module ?? throw new FormatException(r.Error!.ToString());
    }

    static ParseResult ParseUtf8(ReadOnlyMemory<byte> utf8)
    {
        var span = utf8.Span;
        // ast.parse checks the whole string before tokenizing: no line, and its own wording.
        if (span.IndexOf((byte)0) >= 0)
            return ParseResult.Fail(new SyntaxDiagnostic("SyntaxError", "source code string cannot contain null bytes", null, null));
        byte[] buffer;
        int length;
        if (span.IndexOf((byte)'\r') >= 0)
        {
            // CPython reads source with universal newlines: "\r\n" and "\r" become "\n".
            buffer = new byte[span.Length];
            length = 0;
            for (int i = 0; i < span.Length; i++)
            {
                byte b = span[i];
                if (b == '\r')
                {
                    buffer[length++] = (byte)'\n';
                    if (i + 1 < span.Length && span[i + 1] == '\n') i++;
                }
                else buffer[length++] = b;
            }
        }
        else if (MemoryMarshal.TryGetArray(utf8, out var segment) && segment.Offset == 0)
        {
            buffer = segment.Array!;
            length = segment.Count;
        }
        else
        {
            buffer = span.ToArray();
            length = buffer.Length;
        }
        try
        {
            using var parser = new Parser(buffer, length);
            return ParseResult.Ok(parser.ParseModule());
        }
        catch (PythonSyntaxException e)
        {
            return ParseResult.Fail(e.Diagnostic);
        }
        catch (InsufficientExecutionStackException)
        {
            return ParseResult.Fail(new SyntaxDiagnostic("RecursionError", "maximum recursion depth exceeded during parsing", null, null));
        }
    }

    /// <summary>Diagnostics for benchmarks: how many tokens a UTF-8 source has (-1 on error).</summary>
    public static long CountTokens(byte[] utf8)
    {
        try
        {
            var t = new Lexing.Tokenizer(utf8, utf8.Length);
            long n = 0;
            while (t.Next().Kind != Lexing.TokenKind.EndMarker) n++;
            return n;
        }
        catch (PythonSyntaxException) { return -1; }
    }

    /// <summary>Throws <see cref="InsufficientExecutionStackException"/> before the stack runs out.</summary>
    internal static void CheckStack() => RuntimeHelpers.EnsureSufficientExecutionStack();
}
