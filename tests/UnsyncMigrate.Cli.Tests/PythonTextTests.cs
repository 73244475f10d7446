using UnsyncMigrate.Cli.Ast;

namespace UnsyncMigrate.Cli.Tests;

public class PythonTextTests
{
    [Theory]
    [InlineData("a.py", "'a.py'")]
    [InlineData("it's.py", "\"it's.py\"")]
    [InlineData("it's \"x\".py", "'it\\'s \"x\".py'")]
    [InlineData("say \"hi\".py", "'say \"hi\".py'")]
    [InlineData("back\\slash", "'back\\\\slash'")]
    [InlineData("tab\tnl\ncr\r", "'tab\\tnl\\ncr\\r'")]
    [InlineData("\u0001\u007f", "'\\x01\\x7f'")]
    [InlineData("caf\u00e9 \u00a0", "'café \\xa0'")]
    [InlineData("zero\u200bwidth", "'zero\\u200bwidth'")]
    [InlineData("\ue000", "'\\ue000'")]
    [InlineData("😀", "'😀'")]
    [InlineData("日本", "'日本'")]
    public void Repr_is_pythons(string s, string expected) => Assert.Equal(expected, PythonText.Repr(s));

    [Fact]
    public void Repr_escapes_lone_surrogates()
    {
        // Built at run time: a lone surrogate does not survive in attribute data.
        Assert.Equal("'a\\udc80b'", PythonText.Repr("a" + (char)0xDC80 + "b"));
        Assert.Equal("'\\ud834'", PythonText.Repr(((char)0xD834).ToString()));
    }

    [Fact]
    public void Code_point_order_puts_astral_characters_last()
    {
        string[] items = ["😀.py", "\ue000.py", "z.py", "é.py", "Z.py", "a/b.py", "a.py", "a-b.py", ""];
        var sorted = items.Order(CodePointComparer.Instance).ToArray();
        Assert.Equal(["", "Z.py", "a-b.py", "a.py", "a/b.py", "z.py", "é.py", "\ue000.py", "😀.py"], sorted);
        Assert.NotEqual(sorted, items.Order(StringComparer.Ordinal).ToArray());   // UTF-16 order differs
    }
}
