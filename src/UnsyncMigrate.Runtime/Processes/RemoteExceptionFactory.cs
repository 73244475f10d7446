using System.Runtime.ExceptionServices;

namespace UnsyncMigrate.Runtime;

/// <summary>
/// Turns a worker's error reply back into an exception. Python unpickles the original exception
/// (so <c>except ValueError</c> still catches it) with the remote traceback as its cause; here the
/// original type is recreated when it has a public <c>(string, Exception)</c> or <c>(string)</c>
/// constructor, with a <see cref="WorkerException"/> as inner exception when possible, and the
/// worker's stack trace attached through <see cref="ExceptionDispatchInfo.SetRemoteStackTrace"/>.
/// </summary>
internal static class RemoteExceptionFactory
{
    public static Exception Create(string typeName, string? assemblyQualifiedName, string message, string stackTrace, string detail)
    {
        var remote = new WorkerException(typeName, message, stackTrace, detail);
        var recreated = TryRecreate(assemblyQualifiedName, message, remote);
        var result = recreated ?? remote;
        if (stackTrace.Length > 0)
        {
            try { ExceptionDispatchInfo.SetRemoteStackTrace(result, stackTrace); }
            catch (InvalidOperationException) { /* already has a trace; keep the inner one */ }
        }
        if (recreated is not null && stackTrace.Length > 0)
        {
            try { ExceptionDispatchInfo.SetRemoteStackTrace(remote, stackTrace); }
            catch (InvalidOperationException) { }
        }
        return result;
    }

    private static Exception? TryRecreate(string? assemblyQualifiedName, string message, WorkerException remote)
    {
        if (string.IsNullOrEmpty(assemblyQualifiedName)) return null;
        try
        {
            var type = Type.GetType(assemblyQualifiedName, throwOnError: false);
            if (type is null || type.IsAbstract || !typeof(Exception).IsAssignableFrom(type)) return null;
            // (string message, Exception inner) first: for every BCL type it means "message"
            // (unlike ArgumentNullException(string), which takes a parameter name).
            if (type.GetConstructor([typeof(string), typeof(Exception)]) is { } withInner)
                return (Exception)withInner.Invoke([message, remote]);
            if (type.GetConstructor([typeof(string)]) is { } plain)
                return (Exception)plain.Invoke([message]);
        }
        catch (Exception)
        {
            // A constructor that throws or a type that cannot load: fall back to WorkerException.
        }
        return null;
    }
}
