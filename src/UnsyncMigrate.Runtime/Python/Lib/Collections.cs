using System.Collections;
using System.Text;

namespace UnsyncMigrate.Runtime.Python.Lib;

/// <summary>
/// <c>collections.Counter</c>: a dict of counts; missing keys read as 0; <c>most_common</c> orders by
/// count, ties in insertion order (as CPython's stable sort / nlargest); repr <c>Counter({'a': 2})</c>.
/// </summary>
public sealed class Counter : PyDict, IPyMethods, IPyArithmetic, IPyInPlace, IPyEquatable
{
    public Counter() { }

    /// <summary><c>Counter(iterable_or_mapping, **kwargs)</c>.</summary>
    public Counter(object? iterable, PyKwargs? kwargs = null) { Update(iterable, kwargs); }

    public override string PyTypeName => "Counter";

    protected override bool TryMissing(object? key, out object? value)
    {
        value = 0L;
        return true;
    }

    /// <summary><c>Counter.update</c>: adds counts (a mapping's values, or one per element).</summary>
    public new void Update(object? iterable, PyKwargs? kwargs = null)
    {
        if (iterable is PyDict d)
        {
            foreach (var kv in d.Pairs.ToList())
                this[kv.Key] = TryGetValue(kv.Key, out var old) ? Py.Add(old, kv.Value) : kv.Value;
        }
        else if (iterable is not null)
        {
            foreach (var x in Py.Iter(iterable))
                this[x] = TryGetValue(x, out var old) ? Py.Add(old, 1L) : 1L;
        }
        if (kwargs is not null)
            foreach (var kv in kwargs)
                this[kv.Key] = TryGetValue(kv.Key, out var old) ? Py.Add(old, kv.Value) : kv.Value;
    }

    public void Subtract(object? iterable, PyKwargs? kwargs = null)
    {
        if (iterable is PyDict d)
        {
            foreach (var kv in d.Pairs.ToList())
                this[kv.Key] = Py.Sub(TryGetValue(kv.Key, out var old) ? old : 0L, kv.Value);
        }
        else if (iterable is not null)
        {
            foreach (var x in Py.Iter(iterable))
                this[x] = Py.Sub(TryGetValue(x, out var old) ? old : 0L, 1L);
        }
        if (kwargs is not null)
            foreach (var kv in kwargs)
                this[kv.Key] = Py.Sub(TryGetValue(kv.Key, out var old) ? old : 0L, kv.Value);
    }

    /// <summary><c>most_common(n=None)</c>.</summary>
    public PyList MostCommon(object? n = null)
    {
        var items = new PyList(Items.Cast<object?>());
        Py.Sort(items, new PyFunc("itemgetter", (object? t) => ((PyTuple)t!)[1]), reverse: true);
        if (n is null) return items;
        long k = Py.ToLong(n);
        if (k <= 0) return new PyList();
        return k >= items.Count ? items : new PyList(items.GetRange(0, (int)k));
    }

    public PyIterator Elements() => new(ElementsCore(), "chain");

    IEnumerable<object?> ElementsCore()
    {
        foreach (var kv in Pairs.ToList())
        {
            long c = Py.IsInt(kv.Value) ? Py.ToLong(kv.Value) : 0;
            for (long i = 0; i < c; i++) yield return kv.Key;
        }
    }

    public object? Total() => Py.Sum(Values.ToList());

    public override PyDict Copy()
    {
        var c = new Counter();
        foreach (var kv in Pairs) c[kv.Key] = kv.Value;
        return c;
    }

    public override string PyRepr()
    {
        if (Count == 0) return "Counter()";
        if (!Py.ReprEnter(this)) return "...";
        try
        {
            PyDict d;
            try
            {
                d = new PyDict();
                foreach (var t in MostCommon()) { var tt = (PyTuple)t!; d[tt[0]] = tt[1]; }
            }
            catch (TypeError) { d = new PyDict(Pairs); }
            return "Counter(" + d.PyRepr() + ")";
        }
        finally { Py.ReprLeave(this); }
    }

    public bool PyEquals(object? other)
    {
        if (other is Counter c)
        {
            foreach (var k in Keys) if (!Py.Eq(this[k], c[k])) return false;
            foreach (var k in c.Keys) if (!Py.Eq(this[k], c[k])) return false;
            return true;
        }
        if (other is PyDict d)
        {
            if (d.Count != Count) return false;
            foreach (var kv in Pairs)
                if (!d.TryGetValue(kv.Key, out var v) || !Py.Eq(kv.Value, v)) return false;
            return true;
        }
        return false;
    }

    static bool Positive(object? v) => Py.Gt(v, 0L);
    static bool Negative(object? v) => Py.Lt(v, 0L);

    public bool TryBinary(string op, object? other, bool reflected, out object? result)
    {
        result = null;
        if (other is not Counter o || reflected) return false;
        var r = new Counter();
        switch (op)
        {
            case "+":
                foreach (var kv in Pairs) { var n = Py.Add(kv.Value, o[kv.Key]); if (Positive(n)) r[kv.Key] = n; }
                foreach (var kv in o.Pairs) if (!ContainsKey(kv.Key) && Positive(kv.Value)) r[kv.Key] = kv.Value;
                break;
            case "-":
                foreach (var kv in Pairs) { var n = Py.Sub(kv.Value, o[kv.Key]); if (Positive(n)) r[kv.Key] = n; }
                foreach (var kv in o.Pairs) if (!ContainsKey(kv.Key) && Negative(kv.Value)) r[kv.Key] = Py.Sub(0L, kv.Value);
                break;
            case "|":
                foreach (var kv in Pairs) { var oc = o[kv.Key]; var n = Py.Lt(kv.Value, oc) ? oc : kv.Value; if (Positive(n)) r[kv.Key] = n; }
                foreach (var kv in o.Pairs) if (!ContainsKey(kv.Key) && Positive(kv.Value)) r[kv.Key] = kv.Value;
                break;
            case "&":
                foreach (var kv in Pairs) { var oc = o[kv.Key]; var n = Py.Lt(kv.Value, oc) ? kv.Value : oc; if (Positive(n)) r[kv.Key] = n; }
                break;
            default: return false;
        }
        result = r;
        return true;
    }

    public bool TryUnary(string op, out object? result)
    {
        var r = new Counter();
        foreach (var kv in Pairs)
        {
            if (op == "+" && Positive(kv.Value)) r[kv.Key] = kv.Value;
            if (op == "-" && Negative(kv.Value)) r[kv.Key] = Py.Sub(0L, kv.Value);
        }
        result = r;
        return op is "+" or "-";
    }

    void KeepPositive()
    {
        foreach (var k in Pairs.Where(kv => !Positive(kv.Value)).Select(kv => kv.Key).ToList()) Remove(k);
    }

    public bool TryInPlace(string op, object? other, out object? result)
    {
        result = this;
        if (other is not Counter o) return false;
        switch (op)
        {
            case "+": foreach (var kv in o.Pairs.ToList()) this[kv.Key] = Py.Add(this[kv.Key], kv.Value); break;
            case "-": foreach (var kv in o.Pairs.ToList()) this[kv.Key] = Py.Sub(this[kv.Key], kv.Value); break;
            case "|": foreach (var kv in o.Pairs.ToList()) { if (Py.Gt(kv.Value, this[kv.Key])) this[kv.Key] = kv.Value; } break;
            case "&": foreach (var kv in Pairs.ToList()) { var oc = o[kv.Key]; if (Py.Lt(oc, kv.Value)) this[kv.Key] = oc; } break;
            default: return false;
        }
        KeepPositive();
        return true;
    }

    static readonly HashSet<string> s_methods = new() { "most_common", "elements", "update", "subtract", "total", "copy" };
    public HashSet<string> PyMethodNames => s_methods;

    public bool TryCallPyMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        result = null;
        switch (name)
        {
            case "most_common": result = MostCommon(args.Length > 0 ? args[0] : kwargs?.Get("n")); return true;
            case "elements": result = Elements(); return true;
            case "update": Update(args.Length > 0 ? args[0] : null, kwargs); return true;
            case "subtract": Subtract(args.Length > 0 ? args[0] : null, kwargs); return true;
            case "total": result = Total(); return true;
            case "copy": result = Copy(); return true;
            case "fromkeys": throw new NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.");
        }
        return false;
    }
}

/// <summary><c>collections.defaultdict(factory)</c>: repr <c>defaultdict(&lt;class 'list'&gt;, {...})</c>.</summary>
public sealed class DefaultDict : PyDict, IPyAttributes
{
    public object? DefaultFactory { get; set; }

    public DefaultDict(object? defaultFactory = null)
    {
        if (defaultFactory is not null && !Py.Callable(defaultFactory))
            throw new TypeError("first argument must be callable or None");
        DefaultFactory = defaultFactory;
    }

    public DefaultDict(object? defaultFactory, object? initial, PyKwargs? kwargs = null) : this(defaultFactory)
    {
        Update(initial, kwargs);
    }

    public override string PyTypeName => "defaultdict";

    protected override bool TryMissing(object? key, out object? value)
    {
        if (DefaultFactory is null) { value = null; return false; }
        value = Py.Call(DefaultFactory, Array.Empty<object?>());
        this[key] = value;
        return true;
    }

    public override PyDict Copy()
    {
        var d = new DefaultDict(DefaultFactory);
        foreach (var kv in Pairs) d[kv.Key] = kv.Value;
        return d;
    }

    public override string PyRepr()
    {
        string f = DefaultFactory is null ? "None" : Py.Repr(DefaultFactory);
        return $"defaultdict({f}, {ReprBody()})";
    }

    public bool TryGetPyAttr(string name, out object? value)
    {
        if (name == "default_factory") { value = DefaultFactory; return true; }
        value = null;
        return false;
    }

    public bool TrySetPyAttr(string name, object? value)
    {
        if (name != "default_factory") return false;
        DefaultFactory = value;
        return true;
    }
}

/// <summary><c>collections.deque(iterable=(), maxlen=None)</c>.</summary>
public sealed class Deque : IEnumerable<object?>, IPyRepr, IPyMethods, IPySized, IPySubscriptable, IPyTypeNamed,
    IPyEquatable, IPyComparable, IPyAttributes, IPyContainer, IPyReversible, IPyArithmetic, IPyInPlace
{
    private object?[] _buf = new object?[8];
    private int _head, _count;
    private long _version;

    public long? MaxLen { get; }
    public int Count => _count;
    public string PyTypeName => "deque";
    public string PyModuleName => "collections";

    public Deque(object? iterable = null, object? maxlen = null)
    {
        if (maxlen is not null)
        {
            long m = Py.ToLong(maxlen);
            if (m < 0) throw new ValueError("maxlen must be non-negative");
            MaxLen = m;
        }
        if (iterable is not null) Extend(iterable);
    }

    public object? this[int i]
    {
        get => _buf[(_head + i) % _buf.Length];
        set => _buf[(_head + i) % _buf.Length] = value;
    }

    void Grow()
    {
        var n = new object?[_buf.Length * 2];
        for (int i = 0; i < _count; i++) n[i] = this[i];
        _buf = n;
        _head = 0;
    }

    public void Append(object? x)
    {
        _version++;
        if (MaxLen == 0) return;
        if (MaxLen is long m && _count >= m) PopLeftCore();
        if (_count == _buf.Length) Grow();
        _buf[(_head + _count) % _buf.Length] = x;
        _count++;
    }

    public void AppendLeft(object? x)
    {
        _version++;
        if (MaxLen == 0) return;
        if (MaxLen is long m && _count >= m) PopCore();
        if (_count == _buf.Length) Grow();
        _head = (_head - 1 + _buf.Length) % _buf.Length;
        _buf[_head] = x;
        _count++;
    }

    object? PopCore()
    {
        var v = this[_count - 1];
        this[_count - 1] = null;
        _count--;
        return v;
    }

    object? PopLeftCore()
    {
        var v = _buf[_head];
        _buf[_head] = null;
        _head = (_head + 1) % _buf.Length;
        _count--;
        return v;
    }

    public object? Pop()
    {
        if (_count == 0) throw new IndexError("pop from an empty deque");
        _version++;
        return PopCore();
    }

    public object? PopLeft()
    {
        if (_count == 0) throw new IndexError("pop from an empty deque");
        _version++;
        return PopLeftCore();
    }

    public void Extend(object? iterable)
    {
        var items = ReferenceEquals(iterable, this) ? this.ToList() : Py.Iter(iterable).ToList();
        foreach (var x in items) Append(x);
    }

    public void ExtendLeft(object? iterable)
    {
        var items = ReferenceEquals(iterable, this) ? this.ToList() : Py.Iter(iterable).ToList();
        foreach (var x in items) AppendLeft(x);
    }

    /// <summary><c>rotate(n=1)</c>: to the right for positive n.</summary>
    public void Rotate(long n = 1)
    {
        if (_count <= 1) return;
        _version++;
        long k = ((n % _count) + _count) % _count;
        for (long i = 0; i < k; i++)
        {
            var v = PopCore();
            _head = (_head - 1 + _buf.Length) % _buf.Length;
            _buf[_head] = v;
            _count++;
        }
    }

    public void Clear()
    {
        _version++;
        _buf = new object?[8];
        _head = _count = 0;
    }

    long NormIndex(object? key)
    {
        if (!Py.IsInt(key)) throw new TypeError($"sequence index must be integer, not '{Py.TypeName(key)}'");
        long i = Py.ToLong(key);
        if (i < 0) i += _count;
        if (i < 0 || i >= _count) throw new IndexError("deque index out of range");
        return i;
    }

    public object? PyGetItem(object? key) => this[(int)NormIndex(key)];
    public void PySetItem(object? key, object? value) => this[(int)NormIndex(key)] = value;

    public void PyDelItem(object? key)
    {
        int i = (int)NormIndex(key);
        var items = this.ToList();
        items.RemoveAt(i);
        Clear();
        foreach (var x in items) Append(x);
    }

    public long PyLen() => _count;

    public bool PyContains(object? item)
    {
        for (int i = 0; i < _count; i++) if (ReferenceEquals(this[i], item) || Py.Eq(this[i], item)) return true;
        return false;
    }

    public IEnumerator<object?> GetEnumerator()
    {
        long v = _version;
        for (int i = 0; i < _count; i++)
        {
            if (_version != v) throw new RuntimeError("deque mutated during iteration");
            yield return this[i];
        }
        if (_version != v) throw new RuntimeError("deque mutated during iteration");
    }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public IEnumerable<object?> PyReversed()
    {
        for (int i = _count - 1; i >= 0; i--) yield return this[i];
    }

    public string PyRepr()
    {
        if (!Py.ReprEnter(this)) return "[...]";
        try
        {
            string body = Py.ReprSequence("[", this.ToList(), "]", new object());
            return MaxLen is long m ? $"deque({body}, maxlen={m})" : $"deque({body})";
        }
        finally { Py.ReprLeave(this); }
    }

    public override string ToString() => PyRepr();

    public bool PyEquals(object? other)
    {
        if (other is not Deque d || d._count != _count) return false;
        for (int i = 0; i < _count; i++) if (!Py.Eq(this[i], d[i])) return false;
        return true;
    }

    public bool TryCompare(object? other, out int result)
    {
        result = 0;
        if (other is not Deque d) return false;
        int n = Math.Min(_count, d._count);
        for (int i = 0; i < n; i++)
        {
            if (Py.Eq(this[i], d[i])) continue;
            result = Py.Lt(this[i], d[i]) ? -1 : 1;
            return true;
        }
        result = _count.CompareTo(d._count);
        return true;
    }

    public bool TryGetPyAttr(string name, out object? value)
    {
        if (name == "maxlen") { value = MaxLen; return true; }
        value = null;
        return false;
    }

    public bool TrySetPyAttr(string name, object? value) =>
        name == "maxlen" ? throw new AttributeError("attribute 'maxlen' of 'collections.deque' objects is not writable") : false;

    public bool TryBinary(string op, object? other, bool reflected, out object? result)
    {
        result = null;
        if (op == "+" && other is Deque d && !reflected)
        {
            var r = new Deque(this, MaxLen);
            r.Extend(d);
            result = r;
            return true;
        }
        if (op == "*" && Py.IsInt(other))
        {
            var r = new Deque(null, MaxLen);
            long n = Py.ToLong(other);
            for (long i = 0; i < n; i++) r.Extend(this.ToList());
            result = r;
            return true;
        }
        return false;
    }

    public bool TryUnary(string op, out object? result) { result = null; return false; }

    public bool TryInPlace(string op, object? other, out object? result)
    {
        result = this;
        if (op == "+") { Extend(other); return true; }
        return false;
    }

    static readonly HashSet<string> s_methods = new()
    { "append", "appendleft", "pop", "popleft", "extend", "extendleft", "rotate", "clear", "count", "index", "remove", "reverse", "copy", "insert" };
    public HashSet<string> PyMethodNames => s_methods;

    public bool TryCallPyMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        result = null;
        switch (name)
        {
            case "append": Append(args[0]); return true;
            case "appendleft": AppendLeft(args[0]); return true;
            case "pop": result = Pop(); return true;
            case "popleft": result = PopLeft(); return true;
            case "extend": Extend(args[0]); return true;
            case "extendleft": ExtendLeft(args[0]); return true;
            case "rotate": Rotate(args.Length > 0 ? Py.ToLong(args[0]) : 1); return true;
            case "clear": Clear(); return true;
            case "count": result = (long)this.Count(x => ReferenceEquals(x, args[0]) || Py.Eq(x, args[0])); return true;
            case "index":
                for (int i = 0; i < _count; i++)
                    if (ReferenceEquals(this[i], args[0]) || Py.Eq(this[i], args[0])) { result = (long)i; return true; }
                throw new ValueError($"{Py.Repr(args[0])} is not in deque");
            case "remove":
                for (int i = 0; i < _count; i++)
                    if (ReferenceEquals(this[i], args[0]) || Py.Eq(this[i], args[0])) { PyDelItem((long)i); return true; }
                throw new ValueError($"{Py.Repr(args[0])} is not in deque");
            case "reverse":
                {
                    var items = this.ToList();
                    items.Reverse();
                    Clear();
                    foreach (var x in items) Append(x);
                    return true;
                }
            case "copy": result = new Deque(this, MaxLen); return true;
            case "insert":
                {
                    if (MaxLen is long m && _count >= m) throw new IndexError("deque already at its maximum size");
                    long i = Py.ToLong(args[0]);
                    var items = this.ToList();
                    if (i < 0) { i += items.Count; if (i < 0) i = 0; }
                    if (i > items.Count) i = items.Count;
                    items.Insert((int)i, args[1]);
                    Clear();
                    foreach (var x in items) Append(x);
                    return true;
                }
        }
        return false;
    }
}
