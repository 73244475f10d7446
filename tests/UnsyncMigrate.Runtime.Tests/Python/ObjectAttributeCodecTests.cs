using UnsyncMigrate.Runtime.Python;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>An object's attributes beyond its fields cross to a worker process and back, as its pickled __dict__ does.</summary>
public class ObjectAttributeCodecTests
{
    /// <summary>What the translator generates for a class with one field (<c>self.name = name</c>).</summary>
    sealed class Chore : PyObjectBase
    {
        public object? name;
        public override string PyTypeName => "Chore";

        public override bool TryGetAttr(string attr, out object? value)
        {
            value = name;
            return attr == "name" || base.TryGetAttr(attr, out value);
        }

        public override bool TrySetAttr(string attr, object? value)
        {
            if (attr != "name") return base.TrySetAttr(attr, value);
            name = value;
            return true;
        }
    }

    [Fact]
    public void ObjectWithOwnAttributes_EncodeDecode_KeepsThem()
    {
        PyCodec.RegisterClass("tests:Chore", () => new Chore(), "name");
        var task = new Chore { name = "build" };
        Py.SetAttr(task, "retries", 3L);
        var copy = PyCodec.Decode(PyCodec.Encode(task));
        Assert.Equal("build", Py.GetAttr(copy, "name"));
        Assert.Equal(3L, Py.GetAttr(copy, "retries"));
        Assert.False(Py.HasAttr(new Chore(), "retries"));
    }
}
