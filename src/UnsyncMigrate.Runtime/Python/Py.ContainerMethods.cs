namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// list, dict and set methods as typed entry points, shared by the dynamic switches
/// (Py.Methods.cs, which check the argument count first) and by generated code whose receiver
/// is statically a PyList/PyDict/PySet. Each takes the container's lock, as the dynamic path
/// does: one lock per container makes a method call atomic, like the GIL for built-ins.
/// Mutators return null (None), so a call is also a valid expression.
/// </summary>
public static partial class Py
{
    // ---------------------------------------------------------------- list

    public static object? ListAppend(PyList l, object? x) { lock (l) l.Add(x); return null; }

    public static object? ListExtend(PyList l, object? iterable)
    {
        lock (l)
        {
            if (ReferenceEquals(iterable, l)) l.AddRange(l.ToArray());
            else l.AddRange(Iter(iterable).ToList());
        }
        return null;
    }

    public static object? ListInsert(PyList l, object? index, object? x)
    {
        lock (l)
        {
            long i = ToLong(index);
            if (i < 0) { i += l.Count; if (i < 0) i = 0; }
            if (i > l.Count) i = l.Count;
            l.Insert((int)i, x);
        }
        return null;
    }

    public static object? ListPop(PyList l) => ListPop(l, -1L);

    public static object? ListPop(PyList l, object? index)
    {
        lock (l)
        {
            if (l.Count == 0) throw new IndexError("pop from empty list");
            long i = ToLong(index);
            if (i < 0) i += l.Count;
            if (i < 0 || i >= l.Count) throw new IndexError("pop index out of range");
            var v = l[(int)i];
            l.RemoveAt((int)i);
            return v;
        }
    }

    public static object? ListRemove(PyList l, object? x)
    {
        lock (l)
        {
            for (int i = 0; i < l.Count; i++)
                if (ReferenceEquals(l[i], x) || Eq(l[i], x)) { l.RemoveAt(i); return null; }
        }
        throw new ValueError("list.remove(x): x not in list");
    }

    public static long ListIndex(PyList l, object? x) => ListIndex(l, x, 0L, (long)int.MaxValue);
    public static long ListIndex(PyList l, object? x, object? start) => ListIndex(l, x, start, (long)int.MaxValue);

    public static long ListIndex(PyList l, object? x, object? start, object? end)
    {
        lock (l)
        {
            var (st, en) = SeqRange(l.Count, start, end);
            for (int i = st; i < en && i < l.Count; i++)
                if (ReferenceEquals(l[i], x) || Eq(l[i], x)) return i;
        }
        throw new ValueError($"{Repr(x)} is not in list");
    }

    public static long ListCount(PyList l, object? x) { lock (l) return l.Count(y => ReferenceEquals(y, x) || Eq(y, x)); }

    public static object? ListSort(PyList l, object? key = null, object? reverse = null)
    {
        lock (l) Sort(l, key, IsTrue(reverse ?? false));
        return null;
    }

    public static object? ListReverse(PyList l) { lock (l) l.Reverse(); return null; }
    public static PyList ListCopy(PyList l) { lock (l) return new PyList(l); }
    public static object? ListClear(PyList l) { lock (l) l.Clear(); return null; }

    // ---------------------------------------------------------------- dict

    // A library dict subclass with its own methods (Counter.update adds counts) answers through
    // the dynamic dispatch, which asks it first: a PyDict-typed slot may hold one.
    static bool OwnMethod(PyDict d, string name) => d is IPyMethods m && m.PyMethodNames.Contains(name);

    public static object? DictGet(PyDict d, object? key, object? dflt = null)
    {
        if (OwnMethod(d, "get")) return CallMethod(d, "get", [key, dflt]);
        lock (d) return d.Get(key, dflt);
    }

    public static object? DictItems(PyDict d) => OwnMethod(d, "items") ? CallMethod(d, "items", []) : new PyDictView(d, PyDictView.ViewKind.Items);
    public static object? DictKeys(PyDict d) => OwnMethod(d, "keys") ? CallMethod(d, "keys", []) : new PyDictView(d, PyDictView.ViewKind.Keys);
    public static object? DictValues(PyDict d) => OwnMethod(d, "values") ? CallMethod(d, "values", []) : new PyDictView(d, PyDictView.ViewKind.Values);

    public static object? DictPop(PyDict d, object? key)
    {
        if (OwnMethod(d, "pop")) return CallMethod(d, "pop", [key]);
        lock (d) return d.Pop(key);
    }

    public static object? DictPop(PyDict d, object? key, object? dflt)
    {
        if (OwnMethod(d, "pop")) return CallMethod(d, "pop", [key, dflt]);
        lock (d) return d.Pop(key, dflt);
    }

    public static object? DictSetDefault(PyDict d, object? key, object? dflt = null)
    {
        if (OwnMethod(d, "setdefault")) return CallMethod(d, "setdefault", [key, dflt]);
        lock (d) return d.SetDefault(key, dflt);
    }

    public static object? DictUpdate(PyDict d, object? other)
    {
        if (OwnMethod(d, "update")) return CallMethod(d, "update", [other]);
        lock (d) d.Update(other, null);
        return null;
    }

    public static object? DictClear(PyDict d)
    {
        if (OwnMethod(d, "clear")) return CallMethod(d, "clear", []);
        lock (d) d.Clear();
        return null;
    }

    // ---------------------------------------------------------------- set

    public static object? SetAdd(PySet s, object? x) { lock (s) s.Add(x); return null; }
    public static object? SetDiscard(PySet s, object? x) { lock (s) s.Discard(x); return null; }
    public static object? SetRemove(PySet s, object? x) { lock (s) s.Remove(x); return null; }
    public static object? SetPop(PySet s) { lock (s) return s.Pop(); }
    public static object? SetClear(PySet s) { lock (s) s.Clear(); return null; }
    public static bool SetIsSubset(PySet s, object? other) { lock (s) return s.IsSubset(other); }
    public static bool SetIsSuperset(PySet s, object? other) { lock (s) return s.IsSuperset(other); }
    public static bool SetIsDisjoint(PySet s, object? other) { lock (s) return s.IsDisjoint(other); }
}
