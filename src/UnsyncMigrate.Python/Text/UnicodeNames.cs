namespace UnsyncMigrate.Python.Text;

// Placeholder until the generated name table lands (wip/decoder).
public static class UnicodeNames
{
    public static bool TryLookup(string name, out int codePoint)
    {
        codePoint = 0;
        return false;
    }
}
