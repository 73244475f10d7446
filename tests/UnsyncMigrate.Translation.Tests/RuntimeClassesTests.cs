using UnsyncMigrate.Runtime.Python;

namespace UnsyncMigrate.Translation.Tests;

/// <summary>
/// The translation names the runtime's classes without referencing the runtime (it targets its
/// API by name); these tests hold its table to the runtime's own list, so a class added to one
/// and not the other fails here instead of in a user's build.
/// </summary>
public class RuntimeClassesTests
{
    [Fact]
    public void BuiltinException_EveryRuntimeBuiltinException_NamesItsClrClass()
    {
        var mismatches = PyExceptionTypes.All
            .Where(e => RuntimeClasses.BuiltinException(e.Name) is not { } cs || !ClrNameMatches(cs, e.Type.ClrType!))
            .Select(e => $"{e.Name}: table says {RuntimeClasses.BuiltinException(e.Name) ?? "(none)"}, runtime has {e.Type.ClrType!.FullName}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void LibraryException_EveryRuntimeLibraryException_NamesItsClrClass()
    {
        var mismatches = PyExceptionTypes.Library
            .Where(e => RuntimeClasses.LibraryException(e.Name) is not { } cs || !ClrNameMatches(cs, e.Type.ClrType!))
            .Select(e => $"{e.Name}: table says {RuntimeClasses.LibraryException(e.Name) ?? "(none)"}, runtime has {e.Type.ClrType!.FullName}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Theory]
    [InlineData("NotAnException")]
    [InlineData("object")]
    [InlineData("print")]
    public void BuiltinException_OtherNames_Null(string name) => Assert.Null(RuntimeClasses.BuiltinException(name));

    // The generated code has `using UnsyncMigrate.Runtime.Python;`: a simple name resolves there.
    static bool ClrNameMatches(string cs, Type clr) =>
        cs == clr.FullName || (clr.Namespace == "UnsyncMigrate.Runtime.Python" && cs == clr.Name);
}
