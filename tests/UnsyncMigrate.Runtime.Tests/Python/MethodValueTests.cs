using UnsyncMigrate.Runtime.Python;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>
/// Methods of generated classes as values, and what the migrated program refuses rather than
/// getting wrong: generated code calls methods directly, so a method cannot be replaced at run
/// time, and a base class's method cannot run on an instance whose class overrides it.
/// </summary>
public class MethodValueTests
{
    // Shaped as the translator generates classes: virtual methods, TryCallMethod, __pyclass with its lookup.
    class Base : PyObjectBase
    {
        public virtual object? Greet(object? name) => "base " + Py.Str(name);
        public override string PyTypeName => "Base";
        public override bool TryCallMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
        {
            if (name == "greet") { result = Greet(args[0]); return true; }
            return base.TryCallMethod(name, args, kwargs, out result);
        }
        public static readonly PyType __pyclass = new("Base", "__main__", typeof(Base), (a, k) => new Base())
        {
            ClassAttributes = (PyType cls, string name, out object? value) =>
            {
                value = name == "greet" ? __pyclass!.Method("greet", "Base.greet") : null;
                return value != null;
            },
        };
    }

    sealed class Sub : Base
    {
        public override object? Greet(object? name) => "sub " + Py.Str(name);
        public override string PyTypeName => "Sub";
        public static new readonly PyType __pyclass = new("Sub", "__main__", typeof(Sub), (a, k) => new Sub())
        {
            ClassAttributes = (PyType cls, string name, out object? value) =>
            {
                value = name == "greet" ? __pyclass!.Method("greet", "Sub.greet") : null;
                return value != null;
            },
        };
    }

    [Fact]
    public void BoundMethod_OfSubclassInstance_RunsTheOverride()
    {
        var sub = new Sub();
        var greet = Py.GetAttr(sub, "greet");
        Assert.Equal("sub x", Py.Call(greet, ["x"]));
        Assert.Same(Sub.__pyclass.Method("greet", "Sub.greet"), Py.GetAttr(greet, "__func__"));
        Assert.Equal("base y", Py.Call(Py.GetAttr(Base.__pyclass, "greet"), [new Base(), "y"]));
    }

    [Fact]
    public void BaseMethodThroughTheClass_OnOverridingInstance_IsRefused() =>
        Assert.Throws<NotSupportedException>(() => Py.Call(Py.GetAttr(Base.__pyclass, "greet"), [new Sub(), "x"]));

    [Fact]
    public void Method_ReplacedAtRunTime_IsRefused()
    {
        var replacement = new PyFunc("other", (object? self) => "other");
        Assert.Throws<NotSupportedException>(() => Py.SetAttr(new Base(), "greet", replacement));
        Assert.Throws<NotSupportedException>(() => Py.SetAttr(Sub.__pyclass, "greet", replacement));
        Assert.Equal("sub x", Py.CallMethod(new Sub(), "greet", ["x"]));
    }

    [Fact]
    public void InstanceAttribute_NotAMethod_ShadowsTheClassAndIsCalled()
    {
        var obj = new Base();
        Py.SetAttr(obj, "handler", new PyFunc("handler", (object? x) => Py.Add(x, 1L)));
        Assert.Equal(3L, Py.CallMethod(obj, "handler", [2L]));
        Assert.False(Py.HasAttr(new Base(), "handler"));
    }
}
