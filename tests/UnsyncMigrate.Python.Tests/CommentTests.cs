namespace UnsyncMigrate.Python.Tests;

/// <summary>
/// <see cref="PythonComments"/>: every comment with its place, none taken from inside a
/// string literal of any kind, and whether it stands alone on its line or trails code.
/// </summary>
public class CommentTests
{
    static string Describe(IEnumerable<PythonComment> cs) =>
        string.Join("\n", cs.Select(c => $"{c.Line}:{c.Column} {(c.OwnLine ? "own" : "trail")} {c.Text}"));

    [Fact]
    public void Own_line_and_trailing_comments_with_positions()
    {
        var src = "# header\nx = 1  # one\n\ndef f():\n    # inside\n    return x # two\n        # deeper\n";
        Assert.Equal("1:0 own # header\n2:7 trail # one\n5:4 own # inside\n6:13 trail # two\n7:8 own # deeper",
            Describe(PythonComments.Scan(src)));
    }

    [Fact]
    public void Hash_inside_strings_is_not_a_comment()
    {
        var src = "a = '# no'\nb = \"# no\"  # yes1\nc = '''\n# no\n'''  # yes2\nd = r\"\\# no\"\ne = b'#'\n";
        Assert.Equal("2:12 trail # yes1\n5:5 trail # yes2", Describe(PythonComments.Scan(src)));
    }

    [Fact]
    public void Hash_inside_fstrings_is_not_a_comment_but_one_in_a_multiline_field_is()
    {
        var src = "x = 1\na = f'#{x}#'  # yes1\nb = f'''#\n{x:#x}\n'''\nc = f\"{'#'}\"\nd = f'''{\n  x  # yes2\n}'''\n";
        Assert.Equal("2:14 trail # yes1\n8:5 trail # yes2", Describe(PythonComments.Scan(src)));
    }

    [Fact]
    public void Comments_in_brackets_continuations_and_at_end_without_newline()
    {
        var src = "call(\n    1,  # arg\n    # own in brackets\n)\ny = 1 + \\\n    2  # after continuation\n# last";
        Assert.Equal("2:8 trail # arg\n3:4 own # own in brackets\n6:7 trail # after continuation\n7:0 own # last",
            Describe(PythonComments.Scan(src)));
    }

    [Fact]
    public void Columns_are_utf8_bytes_and_text_is_decoded()
    {
        var src = "s = 'é'  # café\n";
        var c = Assert.Single(PythonComments.Scan(src));
        Assert.Equal(10, c.Column); // 'é' is two bytes, as in the AST's col_offset
        Assert.Equal("# café", c.Text);
    }

    [Fact]
    public void Crlf_sources_and_file_bytes_with_a_coding_cookie()
    {
        Assert.Equal("1:0 own # a\n2:6 trail # b", Describe(PythonComments.Scan("# a\r\nx = 1 # b\r\n")));
        var latin1 = "# -*- coding: latin-1 -*-\nx = 1  # caf"u8.ToArray().Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();
        Assert.Equal("1:0 own # -*- coding: latin-1 -*-\n2:7 trail # café", Describe(PythonComments.ScanFile(latin1)));
    }

    [Fact]
    public void Lexical_error_keeps_the_comments_before_it()
    {
        Assert.Equal("1:0 own # ok", Describe(PythonComments.Scan("# ok\nx = 'unterminated\n# after\n")));
    }

    [Fact]
    public void Parsing_is_unaffected_by_comments()
    {
        var a = PythonParser.ParseOrThrow("x = 1  # c\n# d\ny = [1,  # e\n 2]\n");
        var b = PythonParser.ParseOrThrow("x = 1\ny = [1,\n 2]\n");
        Assert.Equal(b.Body.Count, a.Body.Count);
    }
}
