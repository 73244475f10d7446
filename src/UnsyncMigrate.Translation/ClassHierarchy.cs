namespace UnsyncMigrate.Translation;

/// <summary>
/// The program's classes as Python links them once every module declared its classes: each
/// class's MRO (C3), which classes must look attributes up along the MRO at run time, what stays
/// abstract under <c>abc.ABCMeta</c>, and which assignments to <c>self.x</c> are fields.
/// </summary>
internal static class ClassHierarchy
{
    /// <summary>Links the classes (after every module resolved its classes' bases, before type inference).</summary>
    public static void Link(IReadOnlyList<ClassInfo> classes)
    {
        var done = new HashSet<ClassInfo>();
        foreach (var c in classes) ChooseClrBase(c);
        foreach (var c in classes) ComputeMro(c, done);
        MarkMroDispatch(classes);
        foreach (var c in classes)
        {
            // Along the MRO, a method runs on instances of classes that are no C# subclass of its own.
            if (c.UsesMroDispatch)
                foreach (var m in c.Methods.Values.Where(m => !m.IsStatic && !m.IsClassMethod)) m.HasExplicitSelf = true;
            c.HasAbcMeta = c.Mro.Any(m => m.HasAbcMeta);
            // A runtime library class is stated too: its PyType holds what super() reaches in it.
            c.StatesBases = c.UsesMroDispatch || c.RuntimeBaseCs != null || c.KnownBases.Count != c.ProgramBases.Count + (c.BaseExceptionCs != null ? 1 : 0);
            DropPropertyFields(c);
            DropInheritedFields(c);
            MarkReboundMethods(c);
        }
        var abstracts = new Dictionary<ClassInfo, List<string>>();
        foreach (var c in classes.Where(c => c.HasAbcMeta)) c.AbstractMethods = Abstracts(c, abstracts);
    }

    /// <summary>
    /// The base the C# class derives from: one deriving from a runtime class first (only an
    /// exception can be thrown; a thread's machinery is the runtime's), else the first of the
    /// program's bases; the others are reached along the MRO.
    /// </summary>
    static void ChooseClrBase(ClassInfo c)
    {
        if (c.ProgramBases.FirstOrDefault(b => DerivesFromRuntimeClass(b, [])) is { } runtimeBase)
        {
            c.Base = runtimeBase;
            c.BaseExceptionCs = c.RuntimeBaseCs = null;
        }
        else if (c.BaseExceptionCs == null && c.RuntimeBaseCs == null) c.Base = c.ProgramBases.FirstOrDefault();
        // Bases naming each other (a program that fails with NameError) get no C# cycle.
        for (var b = c.Base; b != null; b = b.Base)
            if (b == c) { c.Base = null; break; }
    }

    static bool DerivesFromRuntimeClass(ClassInfo c, HashSet<ClassInfo> seen) =>
        seen.Add(c) && (c.BaseExceptionCs != null || c.RuntimeBaseCs != null || c.ProgramBases.Any(b => DerivesFromRuntimeClass(b, seen)));

    static void ComputeMro(ClassInfo c, HashSet<ClassInfo> done)
    {
        if (!done.Add(c)) return;
        foreach (var b in c.ProgramBases) ComputeMro(b, done);
        var sequences = c.ProgramBases.Select(b => b.Mro.ToList()).Append(c.ProgramBases.ToList()).ToList();
        var mro = new List<ClassInfo> { c };
        while (true)
        {
            sequences.RemoveAll(s => s.Count == 0);
            if (sequences.Count == 0) break;
            // C3: the next class is the first head that is in no other sequence's tail.
            var head = sequences.Select(s => s[0]).FirstOrDefault(h => !sequences.Any(s => s.IndexOf(h) > 0));
            if (head == null)
            {
                c.HasInconsistentMro = true;
                mro.AddRange(sequences.SelectMany(s => s).Distinct().Where(x => !mro.Contains(x)));
                break;
            }
            mro.Add(head);
            foreach (var s in sequences)
                if (s[0] == head) s.RemoveAt(0);
        }
        c.Mro = mro;
    }

    /// <summary>
    /// A class whose MRO is not its C# base chain, and every class related to it through bases
    /// (their methods run on its instances, and theirs call into its), dispatch along the MRO.
    /// </summary>
    static void MarkMroDispatch(IReadOnlyList<ClassInfo> classes)
    {
        var pending = new Stack<ClassInfo>(classes.Where(NeedsMroDispatch));
        while (pending.Count > 0)
        {
            var c = pending.Pop();
            if (c.UsesMroDispatch) continue;
            c.UsesMroDispatch = true;
            foreach (var related in c.ProgramBases.Concat(classes.Where(s => s.ProgramBases.Contains(c)))) pending.Push(related);
        }
    }

    static bool NeedsMroDispatch(ClassInfo c)
    {
        var chain = new List<ClassInfo>();
        for (var b = c; b != null && !chain.Contains(b); b = b.Base) chain.Add(b);
        // A decorated method is a function called with any self: a super() in it needs the MRO.
        return !c.Mro.SequenceEqual(chain) || c.DecoratedMethods.Values.Any(m => m.UsesSuper);
    }

    /// <summary>The methods of its bases the class binds a name of otherwise than by a def (see FuncSig.ReboundBelow).</summary>
    static void MarkReboundMethods(ClassInfo c)
    {
        foreach (var name in c.DecoratedMethods.Keys.Concat(c.ClassAttributes))
            foreach (var b in c.Mro.Skip(1))
                if (b.Methods.TryGetValue(name, out var m)) m.ReboundBelow = true;
    }

    /// <summary>A property's name is no field: <c>self.x = v</c> runs its setter.</summary>
    static void DropPropertyFields(ClassInfo c)
    {
        var properties = c.Mro.SelectMany(m => m.Methods.Values).Where(m => m.IsProperty || m.IsPropertyAccessor).Select(m => m.PyName).ToHashSet();
        c.Fields.RemoveAll(properties.Contains);
        c.FieldSet.ExceptWith(properties);
    }

    /// <summary>
    /// An attribute a C# base class already declares is that field: a subclass declaring it again
    /// would hide it, and the base's methods would not see what the subclass's store.
    /// </summary>
    static void DropInheritedFields(ClassInfo c)
    {
        var inherited = new HashSet<string>();
        for (var b = c.Base; b != null; b = b.Base) inherited.UnionWith(b.Fields);
        c.Fields.RemoveAll(inherited.Contains);
        c.FieldSet.ExceptWith(inherited);
    }

    /// <summary>
    /// CPython's rule (ABCMeta.__new__): the names the class body defines abstract, and the names
    /// abstract in an ABCMeta base that the class still resolves to an abstract definition.
    /// </summary>
    static List<string> Abstracts(ClassInfo c, Dictionary<ClassInfo, List<string>> known)
    {
        if (known.TryGetValue(c, out var done)) return done;
        var names = new SortedSet<string>(c.AbstractDefs, StringComparer.Ordinal);
        foreach (var b in c.ProgramBases.Where(b => b.HasAbcMeta))
            foreach (var n in Abstracts(b, known))
                if (Definer(c, n) is { } definer && definer.AbstractDefs.Contains(n)) names.Add(n);
        return known[c] = [.. names];
    }

    /// <summary>The first class along the MRO whose body binds <paramref name="name"/>.</summary>
    static ClassInfo? Definer(ClassInfo c, string name) =>
        c.Mro.FirstOrDefault(m => m.Methods.Values.Any(s => s.PyName == name) || m.DecoratedMethods.ContainsKey(name) || m.ClassAttributes.Contains(name));
}
