using System.Collections;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// Python's tuple: immutable, structural equality and hashing (Python's <c>==</c> and
/// <c>hash()</c>, so it works as a .NET dictionary key too). The constructor takes ownership of
/// the array it is given.
/// </summary>
public sealed class PyTuple : IReadOnlyList<object?>, IEquatable<PyTuple>, IPyRepr
{
    internal readonly object?[] Items;
    public static readonly PyTuple Empty = new(Array.Empty<object?>());

    public PyTuple(params object?[] items) { Items = items ?? Array.Empty<object?>(); }
    public PyTuple(IEnumerable<object?> items) { Items = items.ToArray(); }

    public static PyTuple Of(params object?[] items) => items.Length == 0 ? Empty : new PyTuple(items);

    public int Count => Items.Length;
    public object? this[int index] => Items[index];
    public object?[] ToArray() => (object?[])Items.Clone();

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)Items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();

    public bool Equals(PyTuple? other) => other is not null && Py.Eq(this, other);
    public override bool Equals(object? obj) => obj is PyTuple t && Equals(t);
    public override int GetHashCode() { long h = Py.Hash(this); return (int)(h ^ (h >> 32)); }
    public override string ToString() => PyRepr();

    public string PyRepr()
    {
        if (Items.Length == 1) return "(" + Py.Repr(Items[0]) + ",)";
        return Py.ReprSequence("(", Items, ")", this);
    }

    public void Deconstruct(out object? a, out object? b) { Py.CheckUnpack(Items.Length, 2); a = Items[0]; b = Items[1]; }
    public void Deconstruct(out object? a, out object? b, out object? c) { Py.CheckUnpack(Items.Length, 3); a = Items[0]; b = Items[1]; c = Items[2]; }
    public void Deconstruct(out object? a, out object? b, out object? c, out object? d) { Py.CheckUnpack(Items.Length, 4); a = Items[0]; b = Items[1]; c = Items[2]; d = Items[3]; }
    public void Deconstruct(out object? a, out object? b, out object? c, out object? d, out object? e) { Py.CheckUnpack(Items.Length, 5); a = Items[0]; b = Items[1]; c = Items[2]; d = Items[3]; e = Items[4]; }

    public static implicit operator PyTuple((object?, object?) t) => new(t.Item1, t.Item2);
    public static implicit operator PyTuple((object?, object?, object?) t) => new(t.Item1, t.Item2, t.Item3);
    public static implicit operator PyTuple((object?, object?, object?, object?) t) => new(t.Item1, t.Item2, t.Item3, t.Item4);
}

/// <summary>Python's list: a <see cref="List{T}"/> of object? with Python semantics in <see cref="Py"/>.</summary>
public class PyList : List<object?>, IPyRepr
{
    public PyList() { }
    public PyList(int capacity) : base(capacity) { }
    public PyList(IEnumerable<object?> items) : base(items) { }

    public static PyList Of(params object?[] items) => new(items);

    public string PyRepr() => Py.ReprSequence("[", this, "]", this);
    public override string ToString() => PyRepr();

    public void Deconstruct(out object? a, out object? b) { Py.CheckUnpack(Count, 2); a = this[0]; b = this[1]; }
    public void Deconstruct(out object? a, out object? b, out object? c) { Py.CheckUnpack(Count, 3); a = this[0]; b = this[1]; c = this[2]; }
    public void Deconstruct(out object? a, out object? b, out object? c, out object? d) { Py.CheckUnpack(Count, 4); a = this[0]; b = this[1]; c = this[2]; d = this[3]; }
}

/// <summary>A type with its own Python repr (containers, library objects).</summary>
public interface IPyRepr
{
    string PyRepr();
}

/// <summary>Python's <c>range</c>: lazy, re-iterable, sized, indexable.</summary>
public sealed class PyRange : IReadOnlyList<object?>, IPyRepr
{
    public long Start { get; }
    public long Stop { get; }
    public long Step { get; }
    public long Length { get; }

    public PyRange(long stop) : this(0, stop, 1) { }

    public PyRange(long start, long stop, long step = 1)
    {
        if (step == 0) throw new ValueError("range() arg 3 must not be zero");
        Start = start;
        Stop = stop;
        Step = step;
        Length = PySlice.SliceLength(start, stop, step);
    }

    public int Count => Length > int.MaxValue ? throw new OverflowError("Python int too large to convert to C ssize_t") : (int)Length;
    public object? this[int index] => Start + index * Step;
    public long At(long index) => Start + index * Step;

    public bool Contains(long v)
    {
        if (Step > 0 ? (v < Start || v >= Stop) : (v > Start || v <= Stop)) return false;
        return (v - Start) % Step == 0;
    }

    public IEnumerator<object?> GetEnumerator()
    {
        long v = Start;
        for (long i = 0; i < Length; i++, v += Step) yield return v;
    }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string PyRepr() => Step == 1 ? $"range({Start}, {Stop})" : $"range({Start}, {Stop}, {Step})";
    public override string ToString() => PyRepr();

    public override bool Equals(object? obj)
    {
        if (obj is not PyRange r) return false;
        if (Length != r.Length) return false;
        if (Length == 0) return true;
        if (Start != r.Start) return false;
        return Length == 1 || Step == r.Step;
    }

    public override int GetHashCode()
    {
        long h = Py.Hash(Length == 0 ? PyTuple.Of(0L, null, null) : Length == 1 ? PyTuple.Of(1L, Start, null) : PyTuple.Of(Length, Start, Step));
        return (int)h;
    }
}
