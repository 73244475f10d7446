namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// A runtime class a program class may derive from whose <c>__init__</c> does more than store its
/// arguments (<c>json.JSONDecodeError(msg, doc, pos)</c>, <c>threading.Thread(target=...)</c>):
/// what the subclass's <c>super().__init__(...)</c> runs, and what constructing a subclass
/// without an <c>__init__</c> of its own runs.
/// </summary>
public interface IPyInit
{
    void Init(object?[] args, PyKwargs? kwargs);
}
