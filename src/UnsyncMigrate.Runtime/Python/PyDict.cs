using System.Collections;
using System.Text;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>A key with its Python hash, compared with Python's <c>==</c> (1 == 1.0 == True).</summary>
internal readonly struct PyKey(object? value, long hash) : IEquatable<PyKey>
{
    public readonly object? Value = value;
    public readonly long Hash = hash;

    public static PyKey Of(object? value) => new(value, Py.Hash(value));
    public bool Equals(PyKey other) => Hash == other.Hash && (ReferenceEquals(Value, other.Value) || Py.Eq(Value, other.Value));
    public override bool Equals(object? obj) => obj is PyKey k && Equals(k);
    public override int GetHashCode() => (int)(Hash ^ (Hash >> 32));
}

/// <summary>
/// Python's dict: insertion-ordered, Python key equality and hashing (the first key inserted is
/// kept when an equal one is stored again), views, and RuntimeError when the size changes during
/// iteration. Iterating a PyDict yields its keys, as in Python.
/// </summary>
public class PyDict : IEnumerable<object?>, IPyRepr
{
    private readonly Dictionary<PyKey, int> _index = new();
    private object?[] _keys = new object?[8];
    private object?[] _values = new object?[8];
    private bool[] _live = new bool[8];
    private int _end;   // entries used (live or dead)
    private int _count;
    internal int Version;

    public PyDict() { }

    public PyDict(IEnumerable<KeyValuePair<object?, object?>> pairs)
    {
        foreach (var kv in pairs) this[kv.Key] = kv.Value;
    }

    /// <summary><c>{k1: v1, k2: v2}</c> from alternating keys and values.</summary>
    public static PyDict Of(params object?[] keysAndValues)
    {
        var d = new PyDict();
        for (int i = 0; i + 1 < keysAndValues.Length; i += 2) d[keysAndValues[i]] = keysAndValues[i + 1];
        return d;
    }

    public int Count => _count;

    /// <summary>Collection initializer: <c>new PyDict { { "a", 1L } }</c> (later values win, as in a dict display).</summary>
    public void Add(object? key, object? value) => this[key] = value;

    public virtual string PyTypeName => "dict";

    /// <summary>Hook for <c>__missing__</c> (Counter, defaultdict).</summary>
    protected virtual bool TryMissing(object? key, out object? value)
    {
        value = null;
        return false;
    }

    public object? this[object? key]
    {
        get
        {
            if (TryGetValue(key, out var v)) return v;
            if (TryMissing(key, out v)) return v;
            throw new KeyError(key);
        }
        set => Set(PyKey.Of(key), value);
    }

    internal void Set(PyKey k, object? value)
    {
        if (_index.TryGetValue(k, out int i))
        {
            _values[i] = value;
            return;
        }
        if (_end == _keys.Length) Grow();
        _keys[_end] = k.Value;
        _values[_end] = value;
        _live[_end] = true;
        _index[k] = _end;
        _end++;
        _count++;
        Version++;
    }

    private void Grow()
    {
        if (_count < _end / 2 + 1 && _end > 8)
        {
            Compact();
            if (_end < _keys.Length) return;
        }
        int n = _keys.Length * 2;
        Array.Resize(ref _keys, n);
        Array.Resize(ref _values, n);
        Array.Resize(ref _live, n);
    }

    private void Compact()
    {
        int j = 0;
        _index.Clear();
        for (int i = 0; i < _end; i++)
        {
            if (!_live[i]) continue;
            _keys[j] = _keys[i];
            _values[j] = _values[i];
            _live[j] = true;
            _index[PyKey.Of(_keys[j])] = j;
            j++;
        }
        for (int i = j; i < _end; i++) { _keys[i] = null; _values[i] = null; _live[i] = false; }
        _end = j;
    }

    public bool TryGetValue(object? key, out object? value)
    {
        if (_count > 0 && _index.TryGetValue(PyKey.Of(key), out int i))
        {
            value = _values[i];
            return true;
        }
        value = null;
        return false;
    }

    public bool ContainsKey(object? key) => _count > 0 && _index.ContainsKey(PyKey.Of(key));

    public bool Remove(object? key) => Remove(key, out _);

    public bool Remove(object? key, out object? value)
    {
        if (_count > 0 && _index.Remove(PyKey.Of(key), out int i))
        {
            value = _values[i];
            _live[i] = false;
            _keys[i] = null;
            _values[i] = null;
            _count--;
            Version++;
            if (_count == 0) _end = 0;
            return true;
        }
        value = null;
        return false;
    }

    public void Clear()
    {
        _index.Clear();
        Array.Clear(_keys);
        Array.Clear(_values);
        Array.Clear(_live);
        _end = 0;
        _count = 0;
        Version++;
    }

    /// <summary>Live entries in order, failing like Python when the size changes meanwhile.</summary>
    internal IEnumerable<int> Slots()
    {
        int count = _count;
        for (int i = 0; i < _end; i++)
        {
            if (_count != count) throw new RuntimeError("dictionary changed size during iteration");
            if (_live[i]) yield return i;
            if (_count != count) throw new RuntimeError("dictionary changed size during iteration");
        }
    }

    public IEnumerable<object?> Keys { get { foreach (int i in Slots()) yield return _keys[i]; } }
    public IEnumerable<object?> Values { get { foreach (int i in Slots()) yield return _values[i]; } }
    public IEnumerable<PyTuple> Items { get { foreach (int i in Slots()) yield return new PyTuple(_keys[i], _values[i]); } }
    public IEnumerable<KeyValuePair<object?, object?>> Pairs { get { foreach (int i in Slots()) yield return new(_keys[i], _values[i]); } }

    public IEnumerator<object?> GetEnumerator() => Keys.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The last entry, removed (<c>popitem()</c>).</summary>
    public PyTuple PopItem()
    {
        for (int i = _end - 1; i >= 0; i--)
        {
            if (!_live[i]) continue;
            var t = new PyTuple(_keys[i], _values[i]);
            Remove(_keys[i]);
            return t;
        }
        throw new KeyError("popitem(): dictionary is empty");
    }

    public object? Get(object? key, object? defaultValue = null) => TryGetValue(key, out var v) ? v : defaultValue;

    public object? SetDefault(object? key, object? defaultValue = null)
    {
        var k = PyKey.Of(key);
        if (_index.TryGetValue(k, out int i)) return _values[i];
        Set(k, defaultValue);
        return defaultValue;
    }

    public object? Pop(object? key)
    {
        if (Remove(key, out var v)) return v;
        throw new KeyError(key);
    }

    public object? Pop(object? key, object? defaultValue) => Remove(key, out var v) ? v : defaultValue;

    /// <summary><c>d.update(other)</c>: a mapping (anything with keys) or an iterable of pairs.</summary>
    public void Update(object? other, PyKwargs? kwargs = null)
    {
        if (other is PyDict d)
        {
            foreach (var kv in d.Pairs.ToList()) this[kv.Key] = kv.Value;
        }
        else if (other is not null)
        {
            if (Py.HasAttr(other, "keys") && other is not PyList && other is not PyTuple)
            {
                foreach (var k in Py.Iter(Py.CallMethod(other, "keys", Array.Empty<object?>())).ToList())
                    this[k] = Py.GetItem(other, k);
            }
            else
            {
                int n = 0;
                foreach (var item in Py.Iter(other))
                {
                    if (!(item is System.Collections.IEnumerable || item is IPyObject))
                        throw new TypeError($"cannot convert dictionary update sequence element #{n} to a sequence");
                    var pair = Py.List(item);
                    if (pair.Count != 2)
                        throw new ValueError($"dictionary update sequence element #{n} has length {pair.Count}; 2 is required");
                    this[pair[0]] = pair[1];
                    n++;
                }
            }
        }
        if (kwargs is not null)
            foreach (var kv in kwargs) this[kv.Key] = kv.Value;
    }

    public virtual PyDict Copy()
    {
        var d = new PyDict();
        foreach (var kv in Pairs) d[kv.Key] = kv.Value;
        return d;
    }

    public static PyDict FromKeys(object? iterable, object? value = null)
    {
        var d = new PyDict();
        foreach (var k in Py.Iter(iterable)) d[k] = value;
        return d;
    }

    /// <summary><c>{'a': 1, 'b': [2]}</c>.</summary>
    public virtual string PyRepr() => ReprBody();

    protected string ReprBody()
    {
        if (_count == 0) return "{}";
        if (!Py.ReprEnter(this)) return "{...}";
        try
        {
            var sb = new StringBuilder("{");
            bool first = true;
            foreach (var kv in Pairs)
            {
                if (!first) sb.Append(", ");
                first = false;
                sb.Append(Py.Repr(kv.Key)).Append(": ").Append(Py.Repr(kv.Value));
            }
            return sb.Append('}').ToString();
        }
        finally { Py.ReprLeave(this); }
    }

    public override string ToString() => PyRepr();
}

/// <summary><c>dict.keys()</c>, <c>dict.values()</c>, <c>dict.items()</c>: live views.</summary>
public sealed class PyDictView : IEnumerable<object?>, IPyRepr
{
    public enum ViewKind { Keys, Values, Items }
    public PyDict Dict { get; }
    public ViewKind Kind { get; }

    public PyDictView(PyDict dict, ViewKind kind)
    {
        Dict = dict;
        Kind = kind;
    }

    public int Count => Dict.Count;
    public string PyTypeName => Kind switch { ViewKind.Keys => "dict_keys", ViewKind.Values => "dict_values", _ => "dict_items" };

    public IEnumerator<object?> GetEnumerator() => Kind switch
    {
        ViewKind.Keys => Dict.Keys.GetEnumerator(),
        ViewKind.Values => Dict.Values.GetEnumerator(),
        _ => Dict.Items.Cast<object?>().GetEnumerator(),
    };
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Contains(object? item)
    {
        switch (Kind)
        {
            case ViewKind.Keys: return Dict.ContainsKey(item);
            case ViewKind.Values: return Dict.Values.Any(v => ReferenceEquals(v, item) || Py.Eq(v, item));
            default:
                if (item is not PyTuple { Count: 2 } t) return false;
                return Dict.TryGetValue(t[0], out var v2) && (ReferenceEquals(v2, t[1]) || Py.Eq(v2, t[1]));
        }
    }

    public string PyRepr() => PyTypeName + "(" + Py.ReprSequence("[", this.ToList(), "]", this) + ")";
    public override string ToString() => PyRepr();
}
