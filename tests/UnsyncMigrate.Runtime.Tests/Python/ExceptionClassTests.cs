using UnsyncMigrate.Runtime.Python;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>The runtime's exception classes as Python classes: one class object each, and the executor's .NET errors seen as CPython's.</summary>
public class ExceptionClassTests
{
    public static IEnumerable<object[]> Classes =>
        PyExceptionTypes.All.Concat(PyExceptionTypes.Library).Select(e => new object[] { e.Name });

    static PyType ClassNamed(string name) => PyExceptionTypes.All.Concat(PyExceptionTypes.Library).Single(e => e.Name == name).Type;

    [Theory, MemberData(nameof(Classes))]
    public void ExceptionClass_Instance_TypeIsThatClassObject(string name)
    {
        var cls = ClassNamed(name);
        // json.JSONDecodeError(msg, doc, pos) needs all three, as in CPython.
        object[] args = name == "json.JSONDecodeError" ? ["x", "doc", 0L] : ["x"];
        var instance = Py.Call(cls, args);
        Assert.Same(cls, Py.Type(instance));
        Assert.True(Py.ExceptionMatchesType(instance, cls));
        // Every class's __mro__ reaches BaseException and object.
        var mro = cls.Mro();
        Assert.Same(ClassNamed("BaseException"), mro[mro.Count - 2]);
        Assert.Same(PyType.Object, mro[mro.Count - 1]);
    }

    [Fact]
    public void LibraryExceptionClasses_ModuleAndBases_AsCPython()
    {
        // CPython 3.13: repr(cls) and cls.__mro__ of each.
        Assert.Equal("(<class 'asyncio.exceptions.InvalidStateError'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>)",
            Py.Repr(ClassNamed("asyncio.InvalidStateError").Mro()));
        Assert.Equal("(<class 'asyncio.exceptions.CancelledError'>, <class 'BaseException'>, <class 'object'>)",
            Py.Repr(ClassNamed("asyncio.CancelledError").Mro()));
        Assert.Equal("(<class 'concurrent.futures._base.CancelledError'>, <class 'concurrent.futures._base.Error'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>)",
            Py.Repr(ClassNamed("concurrent.futures.CancelledError").Mro()));
        Assert.Equal("(<class 'concurrent.futures.process.BrokenProcessPool'>, <class 'concurrent.futures._base.BrokenExecutor'>, <class 'RuntimeError'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>)",
            Py.Repr(ClassNamed("concurrent.futures.process.BrokenProcessPool").Mro()));
        Assert.Same(ClassNamed("TimeoutError"), Py.Lib("asyncio.TimeoutError"));
        Assert.Same(ClassNamed("TimeoutError"), Py.Lib("concurrent.futures.TimeoutError"));
    }

    [Fact]
    public void ExecutorErrors_SeenByPython_AreTheClassesUnsyncRaises()
    {
        var invalid = Py.ExceptionValue(new InvalidStateException());
        Assert.Same(ClassNamed("asyncio.InvalidStateError"), Py.Type(invalid));
        Assert.Equal("InvalidStateError('Calling result() in an unsync method is not allowed')", Py.Repr(invalid));
        // concurrent.futures raises TimeoutError() without arguments.
        Assert.Equal("TimeoutError()", Py.Repr(Py.ExceptionValue(new TimeoutException("The Unfuture did not finish within 0.01 s."))));
        var broken = Py.ExceptionValue(new WorkerProcessExitedException(123, 137, "main:work"));
        Assert.Equal("BrokenProcessPool('A process in the process pool was terminated abruptly while the future was running or pending.')", Py.Repr(broken));
        Assert.True(Py.ExceptionMatchesType(broken, ClassNamed("RuntimeError")));
    }

    sealed class Recorder : PyObjectBase
    {
        public object? ExcType;
        public override object? __enter__() => this;
        public override object? __exit__(object? excType, object? exc, object? tb)
        {
            ExcType = excType;
            return true;
        }
    }

    [Fact]
    public void ContextManagerExit_ExecutorError_ReceivesItsPythonClass()
    {
        var manager = new Recorder();
        Py.Enter(manager);
        Assert.True(Py.Exit(manager, new InvalidStateException()));
        Assert.Same(ClassNamed("asyncio.InvalidStateError"), manager.ExcType);
    }
}
