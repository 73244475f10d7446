namespace UnsyncMigrate.Runtime.Python.Lib;

/// <summary>
/// <c>itertools</c>: every function returns a single-pass <see cref="PyIterator"/> and consumes its
/// input exactly as CPython does (islice never reads past its stop, groupby's groups share the
/// underlying iterator).
/// </summary>
public static class Itertools
{
    public static PyIterator Count(object? start = null, object? step = null) => new(CountCore(start ?? 0L, step ?? 1L), "count");

    static IEnumerable<object?> CountCore(object? v, object? step)
    {
        while (true)
        {
            yield return v;
            v = Py.Add(v, step);
        }
    }

    public static PyIterator Cycle(object? iterable) => new(CycleCore(iterable), "cycle");

    static IEnumerable<object?> CycleCore(object? iterable)
    {
        var saved = new List<object?>();
        foreach (var x in Py.Iter(iterable)) { saved.Add(x); yield return x; }
        if (saved.Count == 0) yield break;
        while (true) foreach (var x in saved) yield return x;
    }

    public static PyIterator Repeat(object? obj, object? times = null) => new(RepeatCore(obj, times is null ? -1 : Math.Max(0, Py.ToLong(times))), "repeat");

    static IEnumerable<object?> RepeatCore(object? obj, long times)
    {
        for (long i = 0; times < 0 || i < times; i++) yield return obj;
    }

    public static PyIterator Chain(params object?[] iterables) => new(ChainCore(iterables), "chain");

    /// <summary><c>chain.from_iterable(iterable)</c>.</summary>
    public static PyIterator ChainFromIterable(object? iterables) => new(ChainCore(Py.Iter(iterables)), "chain");

    static IEnumerable<object?> ChainCore(IEnumerable<object?> iterables)
    {
        foreach (var it in iterables)
            foreach (var x in Py.Iter(it)) yield return x;
    }

    /// <summary><c>islice(iterable, stop)</c>.</summary>
    public static PyIterator Islice(object? iterable, object? stop) => Islice(iterable, null, stop, null);

    /// <summary><c>islice(iterable, start, stop[, step])</c>.</summary>
    public static PyIterator Islice(object? iterable, object? start, object? stop, object? step = null)
    {
        long st = 0, sp = -1, stp = 1;
        if (stop is not null)
        {
            if (!Py.IsInt(stop) || (sp = Py.ToLong(stop)) < 0)
                throw new ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        }
        if (start is not null)
        {
            if (!Py.IsInt(start) || (st = Py.ToLong(start)) < 0)
                throw new ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        }
        if (step is not null)
        {
            if (!Py.IsInt(step) || (stp = Py.ToLong(step)) < 1)
                throw new ValueError("Step for islice() must be a positive integer or None.");
        }
        var it = Py.IterObj(iterable);
        return new PyIterator(IsliceCore(it, st, sp, stp), "islice");
    }

    static IEnumerable<object?> IsliceCore(PyIterator it, long next, long stop, long step)
    {
        long cnt = 0;
        while (true)
        {
            while (cnt < next)
            {
                if (!it.TryNext(out _)) yield break;
                cnt++;
            }
            if (stop != -1 && cnt >= stop) yield break;
            if (!it.TryNext(out var item)) yield break;
            cnt++;
            long old = next;
            next += step;
            if (next < old || (stop != -1 && next > stop)) next = stop;
            yield return item;
        }
    }

    /// <summary><c>accumulate(iterable, func=operator.add, *, initial=None)</c>.</summary>
    public static PyIterator Accumulate(object? iterable, object? func = null, object? initial = null) =>
        new(AccumulateCore(iterable, func, initial), "accumulate");

    static IEnumerable<object?> AccumulateCore(object? iterable, object? func, object? initial)
    {
        bool have = initial is not null;
        object? total = initial;
        if (have) yield return total;
        foreach (var x in Py.Iter(iterable))
        {
            if (!have) { total = x; have = true; }
            else total = func is null ? Py.Add(total, x) : Py.Call(func, new[] { total, x });
            yield return total;
        }
    }

    /// <summary><c>product(*iterables, repeat=1)</c>.</summary>
    public static PyIterator Product(object?[] iterables, long repeat = 1)
    {
        var pools = iterables.Select(i => Py.Iter(i).ToArray()).ToList();
        var all = new List<object?[]>();
        for (long r = 0; r < repeat; r++) all.AddRange(pools);
        return new PyIterator(ProductCore(all), "product");
    }

    public static PyIterator Product(params object?[] iterables) => Product(iterables, 1);

    static IEnumerable<object?> ProductCore(List<object?[]> pools)
    {
        if (pools.Any(p => p.Length == 0)) yield break;
        int n = pools.Count;
        var idx = new int[n];
        while (true)
        {
            var t = new object?[n];
            for (int i = 0; i < n; i++) t[i] = pools[i][idx[i]];
            yield return new PyTuple(t);
            int k = n - 1;
            while (k >= 0)
            {
                idx[k]++;
                if (idx[k] < pools[k].Length) break;
                idx[k] = 0;
                k--;
            }
            if (k < 0) yield break;
        }
    }

    public static PyIterator Permutations(object? iterable, object? r = null)
    {
        var pool = Py.Iter(iterable).ToArray();
        int n = pool.Length;
        long rr = r is null ? n : Py.ToLong(r);
        if (rr < 0) throw new ValueError("r must be non-negative");
        return new PyIterator(PermutationsCore(pool, (int)Math.Min(rr, int.MaxValue)), "permutations");
    }

    static IEnumerable<object?> PermutationsCore(object?[] pool, int r)
    {
        int n = pool.Length;
        if (r > n) yield break;
        var indices = Enumerable.Range(0, n).ToArray();
        var cycles = Enumerable.Range(0, r).Select(i => n - i).ToArray();
        yield return new PyTuple(indices.Take(r).Select(i => pool[i]).ToArray());
        if (n == 0) yield break;
        while (true)
        {
            int i;
            for (i = r - 1; i >= 0; i--)
            {
                cycles[i]--;
                if (cycles[i] == 0)
                {
                    int first = indices[i];
                    Array.Copy(indices, i + 1, indices, i, n - i - 1);
                    indices[n - 1] = first;
                    cycles[i] = n - i;
                }
                else
                {
                    int j = cycles[i];
                    (indices[i], indices[n - j]) = (indices[n - j], indices[i]);
                    yield return new PyTuple(indices.Take(r).Select(k => pool[k]).ToArray());
                    break;
                }
            }
            if (i < 0) yield break;
        }
    }

    public static PyIterator Combinations(object? iterable, object? r)
    {
        var pool = Py.Iter(iterable).ToArray();
        long rr = Py.ToLong(r);
        if (rr < 0) throw new ValueError("r must be non-negative");
        return new PyIterator(CombinationsCore(pool, (int)Math.Min(rr, int.MaxValue), false), "combinations");
    }

    public static PyIterator CombinationsWithReplacement(object? iterable, object? r)
    {
        var pool = Py.Iter(iterable).ToArray();
        long rr = Py.ToLong(r);
        if (rr < 0) throw new ValueError("r must be non-negative");
        return new PyIterator(CombinationsCore(pool, (int)Math.Min(rr, int.MaxValue), true), "combinations_with_replacement");
    }

    static IEnumerable<object?> CombinationsCore(object?[] pool, int r, bool replace)
    {
        int n = pool.Length;
        if (!replace && r > n) yield break;
        if (replace && n == 0 && r > 0) yield break;
        var idx = replace ? new int[r] : Enumerable.Range(0, r).ToArray();
        yield return new PyTuple(idx.Select(i => pool[i]).ToArray());
        while (true)
        {
            int i = r - 1;
            if (replace) { while (i >= 0 && idx[i] == n - 1) i--; }
            else { while (i >= 0 && idx[i] == i + n - r) i--; }
            if (i < 0) yield break;
            if (replace)
            {
                int v = idx[i] + 1;
                for (int j = i; j < r; j++) idx[j] = v;
            }
            else
            {
                idx[i]++;
                for (int j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
            }
            yield return new PyTuple(idx.Select(k => pool[k]).ToArray());
        }
    }

    /// <summary><c>groupby(iterable, key=None)</c>: (key, group iterator) pairs sharing one underlying iterator.</summary>
    public static PyIterator Groupby(object? iterable, object? key = null) => new(new GroupBy(iterable, key).Run(), "groupby");

    sealed class GroupBy(object? iterable, object? keyFunc)
    {
        readonly PyIterator _it = Py.IterObj(iterable);
        static readonly object Marker = new();
        object? _tgtKey = Marker, _currKey = Marker, _currValue;
        object _id = new();

        bool KeyEq(object? a, object? b) => !ReferenceEquals(a, Marker) && !ReferenceEquals(b, Marker) && (ReferenceEquals(a, b) || Py.Eq(a, b))
                                            || ReferenceEquals(a, Marker) && ReferenceEquals(b, Marker);

        public IEnumerable<object?> Run()
        {
            while (true)
            {
                _id = new object();
                while (KeyEq(_currKey, _tgtKey))
                {
                    if (!_it.TryNext(out var v)) yield break;
                    _currValue = v;
                    _currKey = keyFunc is null ? v : Py.Call(keyFunc, new[] { v });
                }
                _tgtKey = _currKey;
                yield return new PyTuple(_tgtKey, new PyIterator(Grouper(_tgtKey, _id), "_grouper"));
            }
        }

        IEnumerable<object?> Grouper(object? tgt, object id)
        {
            while (ReferenceEquals(_id, id) && KeyEq(_currKey, tgt))
            {
                yield return _currValue;
                if (!_it.TryNext(out var v)) yield break;
                _currValue = v;
                _currKey = keyFunc is null ? v : Py.Call(keyFunc, new[] { v });
            }
        }
    }

    /// <summary><c>zip_longest(*iterables, fillvalue=None)</c>.</summary>
    public static PyIterator ZipLongest(object?[] iterables, object? fillvalue = null) => new(ZipLongestCore(iterables, fillvalue), "zip_longest");
    public static PyIterator ZipLongest(params object?[] iterables) => ZipLongest(iterables, null);

    static IEnumerable<object?> ZipLongestCore(object?[] iterables, object? fill)
    {
        if (iterables.Length == 0) yield break;
        var es = iterables.Select(i => Py.Iter(i).GetEnumerator()).ToArray();
        var done = new bool[es.Length];
        int active = es.Length;
        while (true)
        {
            var row = new object?[es.Length];
            for (int k = 0; k < es.Length; k++)
            {
                if (done[k]) { row[k] = fill; continue; }
                if (es[k].MoveNext()) row[k] = es[k].Current;
                else
                {
                    done[k] = true;
                    active--;
                    if (active == 0) yield break;
                    row[k] = fill;
                }
            }
            yield return new PyTuple(row);
        }
    }

    public static PyIterator Starmap(object? func, object? iterable) => new(Py.Iter(iterable).Select(args => Py.Call(func, Py.Tuple(args).ToArray())), "starmap");

    public static PyIterator Takewhile(object? predicate, object? iterable) => new(TakewhileCore(predicate, iterable), "takewhile");

    static IEnumerable<object?> TakewhileCore(object? pred, object? iterable)
    {
        foreach (var x in Py.Iter(iterable))
        {
            if (!Py.IsTrue(Py.Call(pred, new[] { x }))) yield break;
            yield return x;
        }
    }

    public static PyIterator Dropwhile(object? predicate, object? iterable) => new(DropwhileCore(predicate, iterable), "dropwhile");

    static IEnumerable<object?> DropwhileCore(object? pred, object? iterable)
    {
        bool dropping = true;
        foreach (var x in Py.Iter(iterable))
        {
            if (dropping && Py.IsTrue(Py.Call(pred, new[] { x }))) continue;
            dropping = false;
            yield return x;
        }
    }

    public static PyIterator Filterfalse(object? predicate, object? iterable) =>
        new(Py.Iter(iterable).Where(x => !(predicate is null ? Py.IsTrue(x) : Py.IsTrue(Py.Call(predicate, new[] { x })))), "filterfalse");

    public static PyIterator Compress(object? data, object? selectors) =>
        new(Py.Iter(data).Zip(Py.Iter(selectors)).Where(p => Py.IsTrue(p.Second)).Select(p => p.First), "compress");

    public static PyIterator Pairwise(object? iterable) => new(PairwiseCore(iterable), "pairwise");

    static IEnumerable<object?> PairwiseCore(object? iterable)
    {
        bool first = true;
        object? prev = null;
        foreach (var x in Py.Iter(iterable))
        {
            if (!first) yield return new PyTuple(prev, x);
            prev = x;
            first = false;
        }
    }

    /// <summary><c>batched(iterable, n)</c> (3.12): tuples of n, the last may be shorter.</summary>
    public static PyIterator Batched(object? iterable, object? n)
    {
        long size = Py.ToLong(n);
        if (size < 1) throw new ValueError("n must be at least one");
        var it = Py.IterObj(iterable);
        return new PyIterator(BatchedCore(it, size), "batched");
    }

    static IEnumerable<object?> BatchedCore(PyIterator it, long size)
    {
        while (true)
        {
            var batch = new List<object?>();
            while (batch.Count < size && it.TryNext(out var v)) batch.Add(v);
            if (batch.Count == 0) yield break;
            yield return new PyTuple(batch.ToArray());
            if (batch.Count < size) yield break;
        }
    }

    /// <summary><c>tee(iterable, n=2)</c>.</summary>
    public static PyTuple Tee(object? iterable, long n = 2)
    {
        var it = Py.IterObj(iterable);
        var buffer = new List<object?>();
        var result = new object?[n];
        for (int i = 0; i < n; i++) result[i] = new PyIterator(TeeCore(it, buffer), "_tee");
        return new PyTuple(result);
    }

    static IEnumerable<object?> TeeCore(PyIterator it, List<object?> buffer)
    {
        for (int i = 0; ; i++)
        {
            if (i < buffer.Count) { yield return buffer[i]; continue; }
            if (!it.TryNext(out var v)) yield break;
            buffer.Add(v);
            yield return v;
        }
    }
}
