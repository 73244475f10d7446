using System.Runtime.InteropServices;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests;

/// <summary>Temp folder layouts shared by the tests.</summary>
internal static class Trees
{
    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    static extern int MkFifo(string path, uint mode);

    /// <summary>Whether FIFOs can be made here (Linux, macOS).</summary>
    public static bool CanMakeFifo => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    public static void Fifo(TempDirectory dir, string relative)
    {
        if (MkFifo(dir[relative], 0x1A4) != 0) throw new IOException($"mkfifo failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>
    /// A tree that exercises every rule of pyast_dump's iter_root. Returns the relative paths it
    /// must list, in order (Python's code-point order of '/'-joined relative paths).
    /// </summary>
    public static string[] Enumeration(TempDirectory d)
    {
        d.Write("b.py", "b = 2\n");
        d.Write("a.py", "a = 1\n");
        d.Write("a b.py", "ab = 1\n");
        d.Write("Z.py", "Z = 1\n");
        d.Write("z.txt", "not python\n");
        d.Write("noext", "x = 1\n");
        d.Write("x.PY", "x = 1\n");                      // endswith(".py") is case-sensitive
        d.Write("a.py.txt", "x = 1\n");
        d.Write(".hidden.py", "h = 1\n");                 // dot files count
        d.Write(".hiddendir/h.py", "h = 1\n");
        d.Write("pkg/__init__.py", "");
        d.Write("pkg/mod.py", "def f():\n    return 1\n");
        d.Write("pkg/notes.txt", "");
        d.Write("pkg/sub/deep.py", "import os\n");
        d.Write("pkg-x/m.py", "m = 1\n");                 // '-' < '/': sorts before pkg/...
        d.Write("dir.py/inner.py", "i = 1\n");            // a folder named x.py is walked, not listed
        d.Write("n1/n2/n3/n4/leaf.py", "leaf = 1\n");
        d.Write("é.py", "e = 1\n");
        d.Write("\uE000.py", "p = 1\n");                   // U+E000 < U+1F600 in code points, not in UTF-16
        d.Write("😀.py", "s = 1\n");
        d.Symlink("linkdir", "pkg", directory: true);     // directory symlinks are not followed
        d.Symlink("linkdir.py", "pkg", directory: true);  // ... nor listed as files
        d.Symlink("link.py", "pkg/mod.py", directory: false);   // file symlinks are files
        d.Symlink("broken.py", "nowhere.py", directory: false); // broken ones are not
        d.Symlink("pkg/sub/up", "../..", directory: true);      // a cycle, never followed
        if (CanMakeFifo) Fifo(d, "fifo.py");                // not a regular file (and would block a reader)
        return
        [
            ".hidden.py", ".hiddendir/h.py", "Z.py", "a b.py", "a.py", "b.py", "dir.py/inner.py", "link.py",
            "n1/n2/n3/n4/leaf.py", "pkg-x/m.py", "pkg/__init__.py", "pkg/mod.py", "pkg/sub/deep.py",
            "é.py", "\uE000.py", "😀.py",
        ];
    }

    /// <summary>A varied tree for determinism checks: valid, invalid, empty, encoded and larger files.</summary>
    public static void Varied(TempDirectory d, int count = 40)
    {
        var rng = new Random(1234);
        string[] snippets =
        [
            "x = 1\n", "def f(a, /, b, *, c):\n    return a + b\n", "class C:\n    pass\n", "if x:\n  pass\n else:\n",
            "", "\ufeffprint('bom')\n", "# -*- coding: latin-1 -*-\ns = 'caf\xe9'\n", "f'{x!r:>{w}}'\n",
            "((((((((((1))))))))))\n", "lambda: (yield)\n", "async def g():\n    await h()\n", "return\n",
            "x = [i for i in range(3)]\n", "match p:\n    case [1, *r]:\n        pass\n", "\t x = 1\n", "s = '\\N{BULLET}'\n",
        ];
        for (int i = 0; i < count; i++)
        {
            string body = string.Concat(Enumerable.Range(0, rng.Next(1, 30)).Select(_ => snippets[rng.Next(snippets.Length)]));
            string rel = $"d{i % 5}/s{i % 3}/f{i:D3}.py";
            if (body.Contains("latin-1")) d.WriteBytes(rel, System.Text.Encoding.Latin1.GetBytes(body));
            else d.Write(rel, body);
        }
        d.Write("big.py", string.Concat(Enumerable.Repeat("value = {'k': [1, 2.5, 3j, b'x', None]}\n", 5000)));
        d.Write("nested.py", new string('(', 150) + "1" + new string(')', 150) + "\n");
        d.Write("too_nested.py", new string('[', 250) + new string(']', 250) + "\n");
    }
}
