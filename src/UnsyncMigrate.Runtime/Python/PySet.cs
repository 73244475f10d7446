using System.Collections;
using System.Numerics;
using System.Text;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// Python's set (and frozenset, <see cref="IsFrozen"/>). The hash table is an emulation of
/// CPython 3.11's setobject.c (table sizes, linear probes, perturbation, dummies, resize points,
/// the copy and merge paths, pop's finger), with Python's hash for ints, floats, bools, None and
/// tuples, so iteration order matches CPython for those elements. Strings and other objects have a
/// hash seeded per process in CPython, so any order is "right"; when the set holds such an element,
/// iteration falls back to insertion order.
/// </summary>
public sealed class PySet : IEnumerable<object?>, IPyRepr
{
    const int MinSize = 8;
    const int LinearProbes = 9;
    const int PerturbShift = 5;

    // state: 0 unused, 1 active, 2 dummy
    object?[] _keys = new object?[MinSize];
    long[] _hashes = new long[MinSize];
    byte[] _state = new byte[MinSize];
    long[] _seq = new long[MinSize];
    long _nextSeq;
    int _mask = MinSize - 1;
    int _fill, _used, _finger;
    int _unordered; // active elements whose CPython order is hash-seeded
    internal int Version;

    public bool IsFrozen { get; private set; }
    public int Count => _used;
    public string PyTypeName => IsFrozen ? "frozenset" : "set";

    public PySet() { }

    public PySet(IEnumerable<object?> items) { UpdateFrom(items); }

    public static PySet Of(params object?[] items)
    {
        var s = new PySet();
        foreach (var x in items) s.Add(x);
        return s;
    }

    public static PySet Frozen(IEnumerable<object?> items)
    {
        var s = new PySet();
        s.UpdateFrom(items);
        s.IsFrozen = true;
        return s;
    }

    /// <summary>Collection initializer support.</summary>
    public void Add(object? key)
    {
        CheckMutable("add");
        AddEntry(key, Py.Hash(key));
    }

    internal void CheckMutable(string name)
    {
        if (IsFrozen) throw new AttributeError($"'frozenset' object has no attribute '{name}'");
    }

    static bool IsOrdered(object? o) => o switch
    {
        null or bool or long or int or BigInteger => true,
        double d => !double.IsNaN(d),
        PyTuple t => t.Items.All(IsOrdered),
        _ => false,
    };

    bool KeyEquals(int slot, object? key) =>
        ReferenceEquals(_keys[slot], key) || Py.Eq(_keys[slot], key);

    /// <summary>CPython 3.11's set_add_entry (a dummy met on the way is reused).</summary>
    internal bool AddEntry(object? key, long hash)
    {
        restart:
        int mask = _mask;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        int freeslot = -1;
        while (true)
        {
            int probes = i + LinearProbes <= mask ? LinearProbes : 0;
            int j = i;
            do
            {
                byte st = _state[j];
                if (st == 0) goto found_unused_or_dummy;
                if (st == 1 && _hashes[j] == hash)
                {
                    int ver = Version;
                    if (KeyEquals(j, key)) return false;
                    if (ver != Version || mask != _mask) goto restart;
                }
                else if (st == 2) freeslot = j; // CPython keeps the last dummy seen
                j++;
            } while (probes-- > 0);
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
            continue;

            found_unused_or_dummy:
            if (freeslot >= 0)
            {
                _used++;
                Store(freeslot, key, hash);
                return true;
            }
            _fill++;
            _used++;
            Store(j, key, hash);
            if ((long)_fill * 5 < (long)mask * 3) return true;
            Resize(_used > 50000 ? _used * 2 : _used * 4);
            return true;
        }
    }

    void Store(int j, object? key, long hash)
    {
        _keys[j] = key;
        _hashes[j] = hash;
        _state[j] = 1;
        _seq[j] = _nextSeq++;
        if (!IsOrdered(key)) _unordered++;
        Version++;
    }

    void Resize(int minUsed)
    {
        int newSize = MinSize;
        while (newSize <= minUsed) newSize <<= 1;
        var oldKeys = _keys; var oldHashes = _hashes; var oldState = _state; var oldSeq = _seq;
        _keys = new object?[newSize];
        _hashes = new long[newSize];
        _state = new byte[newSize];
        _seq = new long[newSize];
        _mask = newSize - 1;
        _fill = _used;
        for (int k = 0; k < oldKeys.Length; k++)
            if (oldState[k] == 1) InsertClean(oldKeys[k], oldHashes[k], oldSeq[k]);
        Version++;
    }

    void InsertClean(object? key, long hash, long seq)
    {
        int mask = _mask;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        while (true)
        {
            int j = i;
            if (_state[j] == 0) goto found;
            if (i + LinearProbes <= mask)
            {
                for (int p = 0; p < LinearProbes; p++)
                {
                    j++;
                    if (_state[j] == 0) goto found;
                }
            }
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
            continue;
            found:
            _keys[j] = key;
            _hashes[j] = hash;
            _state[j] = 1;
            _seq[j] = seq;
            return;
        }
    }

    int Lookup(object? key, long hash)
    {
        int mask = _mask;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        while (true)
        {
            int probes = i + LinearProbes <= mask ? LinearProbes : 0;
            int j = i;
            do
            {
                byte st = _state[j];
                if (st == 0) return -1;
                if (st == 1 && _hashes[j] == hash && KeyEquals(j, key)) return j;
                j++;
            } while (probes-- > 0);
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }

    public bool Contains(object? key)
    {
        if (_used == 0) { Py.Hash(key); return false; }
        return Lookup(key, Py.Hash(key)) >= 0;
    }

    internal bool ContainsEntry(object? key, long hash) => _used != 0 && Lookup(key, hash) >= 0;

    /// <summary><c>discard</c>: true when the element was there.</summary>
    public bool Discard(object? key)
    {
        CheckMutable("discard");
        return DiscardEntry(key, Py.Hash(key));
    }

    internal bool DiscardEntry(object? key, long hash)
    {
        if (_used == 0) return false;
        int j = Lookup(key, hash);
        if (j < 0) return false;
        if (!IsOrdered(_keys[j])) _unordered--;
        _keys[j] = null;
        _state[j] = 2;
        _hashes[j] = -1;
        _used--;
        Version++;
        return true;
    }

    public void Remove(object? key)
    {
        CheckMutable("remove");
        if (!DiscardEntry(key, Py.Hash(key))) throw new KeyError(key);
    }

    public object? Pop()
    {
        CheckMutable("pop");
        if (_used == 0) throw new KeyError("pop from an empty set");
        int j = _finger & _mask;
        while (_state[j] != 1)
        {
            j++;
            if (j > _mask) j = 0;
        }
        object? key = _keys[j];
        if (!IsOrdered(key)) _unordered--;
        _keys[j] = null;
        _state[j] = 2;
        _hashes[j] = -1;
        _used--;
        _finger = j + 1;
        Version++;
        return key;
    }

    public void Clear()
    {
        CheckMutable("clear");
        ClearInternal();
    }

    void ClearInternal()
    {
        _keys = new object?[MinSize];
        _hashes = new long[MinSize];
        _state = new byte[MinSize];
        _seq = new long[MinSize];
        _mask = MinSize - 1;
        _fill = _used = 0;
        _unordered = 0;
        Version++;
    }

    /// <summary>Active entries in table order (slot indices).</summary>
    IEnumerable<int> TableSlots()
    {
        for (int j = 0; j <= _mask; j++) if (_state[j] == 1) yield return j;
    }

    /// <summary>Entries in iteration order: CPython's table order, or insertion order when unordered elements are present.</summary>
    internal List<(object? Key, long Hash)> Entries()
    {
        var list = new List<(object?, long)>(_used);
        if (_unordered == 0)
        {
            for (int j = 0; j <= _mask; j++) if (_state[j] == 1) list.Add((_keys[j], _hashes[j]));
            return list;
        }
        var slots = TableSlots().ToList();
        slots.Sort((a, b) => _seq[a].CompareTo(_seq[b]));
        foreach (int j in slots) list.Add((_keys[j], _hashes[j]));
        return list;
    }

    public IEnumerator<object?> GetEnumerator()
    {
        int version = Version;
        int used = _used;
        foreach (var (k, _) in Entries())
        {
            if (_used != used) throw new RuntimeError("Set changed size during iteration");
            yield return k;
        }
        if (_used != used) throw new RuntimeError("Set changed size during iteration");
        _ = version;
    }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>CPython's set_update_internal.</summary>
    internal void UpdateFrom(object? other)
    {
        if (other is PySet s) { Merge(s); return; }
        if (other is PyDict d)
        {
            int dictSize = d.Count;
            if ((long)(_fill + dictSize) * 5 >= (long)_mask * 3) Resize((_used + dictSize) * 2);
            foreach (var k in d.Keys) AddEntry(k, Py.Hash(k));
            return;
        }
        foreach (var k in Py.Iter(other)) AddEntry(k, Py.Hash(k));
    }

    /// <summary>CPython's set_merge.</summary>
    void Merge(PySet other)
    {
        if (ReferenceEquals(other, this) || other._used == 0) return;
        if ((long)(_fill + other._used) * 5 >= (long)_mask * 3) Resize((_used + other._used) * 2);
        if (_fill == 0 && _mask == other._mask && other._fill == other._used)
        {
            for (int j = 0; j <= other._mask; j++)
            {
                if (other._state[j] != 1) continue;
                _keys[j] = other._keys[j];
                _hashes[j] = other._hashes[j];
                _state[j] = 1;
                _seq[j] = other._seq[j];
            }
            _nextSeq = Math.Max(_nextSeq, other._nextSeq);
            _fill = other._fill;
            _used = other._used;
            _unordered = other._unordered;
            Version++;
            return;
        }
        if (_fill == 0)
        {
            _fill = other._used;
            _used = other._used;
            foreach (var (k, h) in other.Entries())
            {
                InsertClean(k, h, _nextSeq++);
                if (!IsOrdered(k)) _unordered++;
            }
            Version++;
            return;
        }
        foreach (var (k, h) in other.Entries()) AddEntry(k, h);
    }

    public PySet Copy()
    {
        var s = new PySet();
        s.Merge(this);
        return s;
    }

    internal PySet CopyAs(bool frozen)
    {
        var s = Copy();
        s.IsFrozen = frozen;
        return s;
    }

    static PySet AsSet(object? o) => o as PySet ?? new PySet(Py.Iter(o));

    /// <summary><c>a | b</c>, <c>a.union(*others)</c>.</summary>
    public PySet Union(params object?[] others)
    {
        var r = CopyAs(IsFrozen);
        r.IsFrozen = false;
        foreach (var o in others) r.UpdateFrom(o);
        r.IsFrozen = IsFrozen;
        return r;
    }

    /// <summary>CPython's set_intersection.</summary>
    public PySet Intersection(object? other)
    {
        var result = new PySet();
        if (other is PySet os)
        {
            PySet a = this, b = os;
            if (b._used > a._used) (a, b) = (b, a);
            foreach (var (k, h) in b.Entries())
                if (a.ContainsEntry(k, h)) result.AddEntry(k, h);
        }
        else
        {
            foreach (var k in Py.Iter(other))
            {
                long h = Py.Hash(k);
                if (ContainsEntry(k, h)) result.AddEntry(k, h);
            }
        }
        result.IsFrozen = IsFrozen;
        return result;
    }

    public PySet Intersection(params object?[] others)
    {
        PySet r = this;
        if (others.Length == 0) return CopyAs(IsFrozen);
        foreach (var o in others) r = r.Intersection(o);
        return r;
    }

    /// <summary>CPython's set_difference.</summary>
    public PySet Difference(object? other)
    {
        int otherSize;
        if (other is PySet os) otherSize = os._used;
        else if (other is PyDict d) otherSize = d.Count;
        else return CopyAndDifference(other);
        if ((_used >> 2) > otherSize) return CopyAndDifference(other);
        var result = new PySet();
        foreach (var (k, h) in Entries())
        {
            bool inOther = other is PySet s2 ? s2.ContainsEntry(k, h) : ((PyDict)other!).ContainsKey(k);
            if (!inOther) result.AddEntry(k, h);
        }
        result.IsFrozen = IsFrozen;
        return result;
    }

    public PySet Difference(params object?[] others)
    {
        if (others.Length == 0) return CopyAs(IsFrozen);
        PySet r = Difference(others[0]);
        for (int i = 1; i < others.Length; i++) { r.IsFrozen = false; r.DifferenceUpdateInternal(others[i]); r.IsFrozen = IsFrozen; }
        return r;
    }

    PySet CopyAndDifference(object? other)
    {
        var r = Copy();
        r.DifferenceUpdateInternal(other);
        r.IsFrozen = IsFrozen;
        return r;
    }

    internal void DifferenceUpdateInternal(object? other)
    {
        if (ReferenceEquals(other, this)) { ClearInternal(); return; }
        if (other is PySet os)
        {
            PySet src = (os._used >> 3) > _used ? Intersection(os) : os;
            foreach (var (k, h) in src.Entries()) DiscardEntry(k, h);
        }
        else
        {
            foreach (var k in Py.Iter(other)) DiscardEntry(k, Py.Hash(k));
        }
    }

    /// <summary>CPython's set_symmetric_difference: copy of other, then ^= self.</summary>
    public PySet SymmetricDifference(object? other)
    {
        var r = other is PySet os ? os.Copy() : new PySet(Py.Iter(other));
        r.SymmetricDifferenceUpdateInternal(this);
        r.IsFrozen = IsFrozen;
        return r;
    }

    internal void SymmetricDifferenceUpdateInternal(object? other)
    {
        if (ReferenceEquals(other, this)) { ClearInternal(); return; }
        PySet o = other as PySet ?? new PySet(Py.Iter(other));
        foreach (var (k, h) in o.Entries())
        {
            if (!DiscardEntry(k, h)) AddEntry(k, h);
        }
    }

    public void Update(params object?[] others) { CheckMutable("update"); foreach (var o in others) UpdateFrom(o); }
    public void IntersectionUpdate(params object?[] others)
    {
        CheckMutable("intersection_update");
        var r = Intersection(others);
        ReplaceWith(r);
    }
    public void DifferenceUpdate(params object?[] others) { CheckMutable("difference_update"); foreach (var o in others) DifferenceUpdateInternal(o); }
    public void SymmetricDifferenceUpdate(object? other) { CheckMutable("symmetric_difference_update"); SymmetricDifferenceUpdateInternal(other); }

    void ReplaceWith(PySet r)
    {
        // CPython's set_intersection_update swaps the tables.
        _keys = r._keys; _hashes = r._hashes; _state = r._state; _seq = r._seq;
        _mask = r._mask; _fill = r._fill; _used = r._used; _unordered = r._unordered; _finger = r._finger;
        Version++;
    }

    public bool IsSubset(object? other)
    {
        var o = AsSet(other);
        if (_used > o._used) return false;
        foreach (var (k, h) in Entries()) if (!o.ContainsEntry(k, h)) return false;
        return true;
    }

    public bool IsSuperset(object? other) => AsSet(other).IsSubset(this);

    public bool IsDisjoint(object? other)
    {
        if (other is PySet o)
        {
            PySet a = this, b = o;
            if (a._used > b._used) (a, b) = (b, a);
            foreach (var (k, h) in a.Entries()) if (b.ContainsEntry(k, h)) return false;
            return true;
        }
        foreach (var k in Py.Iter(other)) if (Contains(k)) return false;
        return true;
    }

    public bool SetEquals(PySet other) => _used == other._used && IsSubset(other);

    /// <summary>CPython's frozenset hash.</summary>
    public long FrozenHash()
    {
        static ulong Shuffle(ulong h) => ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
        ulong hash = 0;
        foreach (var (_, h) in Entries()) hash ^= Shuffle((ulong)h);
        hash ^= ((ulong)_used + 1) * 1927868237UL;
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash * 69069U + 907133923UL;
        if (hash == ulong.MaxValue) hash = 590923713UL;
        return (long)hash;
    }

    public string PyRepr()
    {
        string name = PyTypeName;
        if (_used == 0) return name + "()";
        if (!Py.ReprEnter(this)) return name + "(...)";
        try
        {
            var sb = new StringBuilder();
            if (IsFrozen) sb.Append("frozenset(");
            sb.Append('{');
            bool first = true;
            foreach (var (k, _) in Entries())
            {
                if (!first) sb.Append(", ");
                first = false;
                sb.Append(Py.Repr(k));
            }
            sb.Append('}');
            if (IsFrozen) sb.Append(')');
            return sb.ToString();
        }
        finally { Py.ReprLeave(this); }
    }

    public override string ToString() => PyRepr();
}
