namespace UnsyncMigrate.Analysis.Model;

/// <summary>How serious a hazard is (SARIF's <c>level</c>).</summary>
public enum HazardLevel
{
    /// <summary>The analysis could not decide something; the report may be incomplete there.</summary>
    Note,
    /// <summary>Likely wrong, or wrong once migrated.</summary>
    Warning,
    /// <summary>Always fails at run time.</summary>
    Error,
}

/// <summary>A hazard rule: a stable code, a short name, a description and the one-line fix.</summary>
public sealed record HazardRule(string Code, string Name, HazardLevel Level, string Title, string Fix, string Description);

/// <summary>
/// The hazard catalogue. Codes are stable: a code is never reused for another meaning,
/// new rules get new codes. The README of the tool lists the same table.
/// </summary>
public static class HazardRules
{
    public static readonly HazardRule ResultOnLoopThread = new(
        "UM1001", "result-on-loop-thread", HazardLevel.Warning,
        "result() on the loop thread on a future that may be unfinished",
        "await the future instead of calling result() inside an async unsync function",
        "Inside an async-loop function, Unfuture.result() on a future that is not done raises asyncio.InvalidStateError in Python; " +
        "a blocking wait on the loop thread in C# would deadlock.");

    public static readonly HazardRule CpuBoundAsync = new(
        "UM1002", "cpu-bound-async", HazardLevel.Error,
        "cpu_bound=True on an async def: every call raises TypeError",
        "drop cpu_bound=True (run it on the loop) or make the function a plain def",
        "unsync refuses to run a coroutine function in a process: each call raises TypeError synchronously.");

    public static readonly HazardRule ProcessTargetNotModuleLevel = new(
        "UM1003", "process-target-not-module-level", HazardLevel.Warning,
        "process target that worker processes cannot find",
        "define the cpu_bound function at module level, before its first call",
        "Worker processes find a cpu_bound target by (module, name) in a registry filled when the decorator runs: " +
        "nested functions, methods, lambdas and functions wrapped after the first process call are not found there.");

    public static readonly HazardRule BlockingCallOnLoop = new(
        "UM1004", "blocking-call-on-loop", HazardLevel.Warning,
        "blocking call inside an async-loop function",
        "use the awaitable form (await asyncio.sleep, an async client, await fut) or move the work to a thread function",
        "Every async-loop function shares one event-loop thread: a blocking call stalls all of them.");

    public static readonly HazardRule DiscardedUnfuture = new(
        "UM1005", "unobserved-unfuture", HazardLevel.Warning,
        "Unfuture discarded without being observed: its exception is lost",
        "keep the future and call result() or await it (or attach then) so failures surface",
        "unsync stores a failing call's exception in its future; a future nobody observes loses it silently.");

    public static readonly HazardRule ThenContinuationCallsResult = new(
        "UM1006", "then-continuation-calls-result", HazardLevel.Warning,
        "then() continuation calls result() on its parameter",
        "use the parameter as the value: then() passes the source's result, not the future",
        "Unfuture.then calls the continuation with the result value (the old README said the future); " +
        "calling .result() on it fails.");

    public static readonly HazardRule UnknownDecoratorKeyword = new(
        "UM1007", "ignored-decorator-keyword", HazardLevel.Warning,
        "unsync keyword other than cpu_bound is ignored (likely misspelled)",
        "remove the keyword, or spell it cpu_bound",
        "unsync accepts any keyword and ignores all but cpu_bound; keywords given together with the function are ignored too.");

    public static readonly HazardRule RuntimeCpuBound = new(
        "UM1008", "cpu-bound-not-literal", HazardLevel.Note,
        "cpu_bound known only at run time: mode unknown",
        "use a literal True or False for cpu_bound so the execution mode is fixed",
        "The mode depends on the truthiness of cpu_bound, which the analysis cannot evaluate here.");

    public static readonly HazardRule UnknownCoroutineness = new(
        "UM1009", "wrapped-object-unknown", HazardLevel.Note,
        "cannot tell whether the wrapped object is a coroutine function: mode unknown",
        "check what the inner decorator or callable returns and state the mode in the migration",
        "The mode follows inspect.iscoroutinefunction of the object actually wrapped, after inner decorators; " +
        "here that object comes from code outside the program.");

    public static readonly HazardRule UnpicklableProcessArgument = new(
        "UM1010", "process-argument-not-serialisable", HazardLevel.Warning,
        "argument of a process call that cannot be serialised",
        "pass plain data (numbers, strings, lists, dicts) to cpu_bound functions",
        "Arguments and results of process functions cross a process boundary by pickling: lambdas, generators and " +
        "nested functions cannot.");

    public static readonly HazardRule UnresolvedWrap = new(
        "UM1011", "unresolved-wrap", HazardLevel.Note,
        "unsync applied to a value the analysis cannot resolve",
        "wrap a named function directly so the migration can find it",
        "The wrapped callable is computed at run time; it is missing from the function list.");

    public static readonly HazardRule ReusedDecoratorInstance = new(
        "UM1012", "reused-decorator-instance", HazardLevel.Warning,
        "one unsync(...) instance applied to several functions: the last one replaces the others",
        "write @unsync(...) on each function instead of reusing one configured instance",
        "unsync(cpu_bound=...) returns one wrapper object; applying it again rebinds its function, so every earlier " +
        "name calls the last function.");

    /// <summary>Every rule, in code order.</summary>
    public static IReadOnlyList<HazardRule> All { get; } =
    [
        ResultOnLoopThread, CpuBoundAsync, ProcessTargetNotModuleLevel, BlockingCallOnLoop, DiscardedUnfuture,
        ThenContinuationCallsResult, UnknownDecoratorKeyword, RuntimeCpuBound, UnknownCoroutineness,
        UnpicklableProcessArgument, UnresolvedWrap, ReusedDecoratorInstance,
    ];
}

/// <summary>The names used for enum values in reports (the same as <c>expected_map.json</c>).</summary>
public static class ReportNames
{
    public static string Of(ExecutionMode mode) => mode switch
    {
        ExecutionMode.AsyncLoop => "async-loop",
        ExecutionMode.Thread => "thread",
        ExecutionMode.Process => "process",
        ExecutionMode.ErrorCpuBoundAsync => "error-cpu-bound-async",
        _ => "unknown",
    };

    public static string Of(WrapKind how) => how == WrapKind.Decorator ? "decorator" : "call-wrapper";

    public static string Of(Consumption c) => c switch
    {
        Consumption.Result => "result",
        Consumption.Await => "await",
        Consumption.Then => "then",
        Consumption.Argument => "argument",
        Consumption.Stored => "stored",
        _ => "discarded",
    };

    public static string Of(UnfutureOperationKind k) => k switch
    {
        UnfutureOperationKind.Result => "result",
        UnfutureOperationKind.ResultWithTimeout => "result-timeout",
        UnfutureOperationKind.Await => "await",
        UnfutureOperationKind.Then => "then",
        UnfutureOperationKind.Done => "done",
        UnfutureOperationKind.FromValue => "from_value",
        UnfutureOperationKind.Create => "create",
        _ => "set_result",
    };

    public static string Of(HazardLevel level) => level switch
    {
        HazardLevel.Note => "note",
        HazardLevel.Warning => "warning",
        _ => "error",
    };
}
