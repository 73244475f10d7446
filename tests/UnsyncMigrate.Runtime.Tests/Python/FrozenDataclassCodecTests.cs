using UnsyncMigrate.Runtime.Python;
using UnsyncMigrate.Runtime.Python.Lib;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>A frozen dataclass refuses assignment but still crosses to a worker process and back.</summary>
public class FrozenDataclassCodecTests
{
    /// <summary>What the translator generates for <c>@dataclass(frozen=True) class Circle: r: float</c>.</summary>
    sealed class Circle : PyDataclass
    {
        public object? r;
        public override string PyTypeName => "Circle";
        protected override string[] DataclassFieldNames => ["r"];
        protected override object?[] DataclassFieldValues() => [r];
        protected override bool DataclassFrozen => true;

        public override bool TryGetAttr(string name, out object? value)
        {
            value = r;
            return name == "r" || base.TryGetAttr(name, out value);
        }

        public override bool TrySetAttr(string name, object? value)
        {
            if (name != "r") return base.TrySetAttr(name, value);
            CheckNotFrozen("r");
            r = value;
            return true;
        }
    }

    [Fact]
    public void FrozenDataclass_Assignment_Raises() =>
        Assert.Throws<FrozenInstanceError>(() => Py.SetAttr(new Circle { r = 1.0 }, "r", 2.0));

    [Fact]
    public void FrozenDataclass_EncodeDecode_RestoresFields()
    {
        PyCodec.RegisterClass("tests:FrozenCircle", () => new Circle(), "r");
        var copy = PyCodec.Decode(PyCodec.Encode(new Circle { r = 2.5 }));
        Assert.Equal("Circle(r=2.5)", Py.Repr(copy));
        Assert.Throws<FrozenInstanceError>(() => Py.SetAttr(copy, "r", 3.0));
    }
}
