namespace UnsyncMigrate.Runtime.Python;

/// <summary>Python's <c>Ellipsis</c> (<c>...</c>): one object, true, equal only to itself, repr and str <c>Ellipsis</c>.</summary>
public sealed class PyEllipsisType : IPyRepr, IPyTypeNamed
{
    public static readonly PyEllipsisType Value = new();
    private PyEllipsisType() { }
    public string PyTypeName => "ellipsis";
    public string PyModuleName => "builtins";
    public string PyRepr() => "Ellipsis";
    public override string ToString() => "Ellipsis";
}
