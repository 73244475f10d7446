namespace UnsyncMigrate.Analysis.Model;

/// <summary>How unsync runs a wrapped callable (the names used in reports and in <c>expected_map.json</c>).</summary>
public enum ExecutionMode
{
    /// <summary><c>async def</c>: a coroutine on unsync's single background event-loop thread.</summary>
    AsyncLoop,
    /// <summary>Plain callable: submitted to unsync's <c>ThreadPoolExecutor</c>.</summary>
    Thread,
    /// <summary>Plain callable with a truthy <c>cpu_bound</c>: submitted to unsync's <c>ProcessPoolExecutor</c>.</summary>
    Process,
    /// <summary><c>async def</c> with a truthy <c>cpu_bound</c>: every call raises <c>TypeError</c>.</summary>
    ErrorCpuBoundAsync,
    /// <summary>The analysis cannot tell (a hazard says why).</summary>
    Unknown,
}

/// <summary>How the wrapper was created.</summary>
public enum WrapKind
{
    /// <summary><c>@unsync</c>, <c>@unsync(...)</c>, an alias of either, possibly stacked.</summary>
    Decorator,
    /// <summary><c>g = unsync(f)</c>, <c>unsync(cpu_bound=True)(f)</c>.</summary>
    CallWrapper,
}

/// <summary>What the code does with the <c>Unfuture</c> a call returns, judged from the call's immediate syntactic parent.</summary>
public enum Consumption
{
    Result,
    Await,
    Then,
    Argument,
    Stored,
    Discarded,
}

/// <summary>The kinds of <c>Unfuture</c> operations the report lists.</summary>
public enum UnfutureOperationKind
{
    /// <summary><c>fut.result()</c> without a timeout: blocks the calling thread.</summary>
    Result,
    /// <summary><c>fut.result(timeout)</c>.</summary>
    ResultWithTimeout,
    /// <summary><c>await fut</c>.</summary>
    Await,
    /// <summary><c>fut.then(continuation)</c>.</summary>
    Then,
    /// <summary><c>fut.done()</c>.</summary>
    Done,
    /// <summary><c>Unfuture.from_value(v)</c>.</summary>
    FromValue,
    /// <summary><c>Unfuture()</c> or <c>Unfuture(future)</c>.</summary>
    Create,
    /// <summary><c>fut.set_result(v)</c>.</summary>
    SetResult,
}

/// <summary>
/// A span of source in a scanned file: 1-based lines; columns 1-based in UTF-16 code units
/// (what editors and SARIF count), with CPython's own 0-based UTF-8 byte offset kept beside.
/// </summary>
public readonly record struct SourceSpan(int Line, int Column, int EndLine, int EndColumn, int ColOffset)
{
    public static SourceSpan None => default;
}

/// <summary>One unsync wrapping of a callable: an entry of <c>functions</c>.</summary>
public sealed record UnsyncFunction
{
    /// <summary>Path relative to the scanned folder, with '/' separators.</summary>
    public required string File { get; init; }
    /// <summary>Python's <c>__qualname__</c> (for external callables: <c>module.qualname</c>).</summary>
    public required string Qualname { get; init; }
    /// <summary>Line of the <c>def</c> (or <c>async def</c>) keyword; for external callables, the line of the wrapping call.</summary>
    public required int Line { get; init; }
    public required ExecutionMode Mode { get; init; }
    public required WrapKind How { get; init; }
    /// <summary>For call-wrappers of functions defined in the program: the line of the <c>unsync(...)</c> call.</summary>
    public int? WrappedAt { get; init; }
    /// <summary>A callable not defined in the scanned files (builtins, standard library...).</summary>
    public bool External { get; init; }
    /// <summary>Where the function is defined (the <c>def</c> or lambda; for external callables, the wrapping call).</summary>
    public required SourceSpan Span { get; init; }
    /// <summary>The file and span of the decorator or wrapping call that created the wrapper.</summary>
    public required string WrapFile { get; init; }
    public required SourceSpan WrapSpan { get; init; }
    /// <summary>Whether the wrapped object is a coroutine function (null: unknown).</summary>
    public bool? IsCoroutine { get; init; }
    /// <summary>The <c>cpu_bound</c> value as written (null when not given).</summary>
    public string? CpuBound { get; init; }
    /// <summary>Module that defines the function (dotted name), or null for external callables.</summary>
    public string? Module { get; init; }
    /// <summary>Decorators and keywords the wrapper was created with, as written (informational).</summary>
    public IReadOnlyList<string> Decorators { get; init; } = [];
    /// <summary>Stable id within one report (<c>F1</c>, <c>F2</c>...), in report order.</summary>
    public string Id { get; set; } = "";
}

/// <summary>One call expression that invokes an unsync wrapper: an entry of <c>call_sites</c>.</summary>
public sealed record CallSite
{
    public required string File { get; init; }
    public required int Line { get; init; }
    /// <summary>Qualname of the called entry of <c>functions</c>.</summary>
    public required string Callee { get; init; }
    public required ExecutionMode Mode { get; init; }
    public required Consumption ConsumedBy { get; init; }
    public required SourceSpan Span { get; init; }
    /// <summary>The <see cref="UnsyncFunction.Id"/> of the callee.</summary>
    public required UnsyncFunction Function { get; init; }
    /// <summary>Qualname of the function whose body holds the call (<c>&lt;module&gt;</c> at module level).</summary>
    public required string Caller { get; init; }
    /// <summary>How the callee was reached: <c>name</c>, <c>attribute</c> (module attribute), <c>method</c>, <c>alias</c>, <c>returned</c>, <c>parameter</c>.</summary>
    public required string Via { get; init; }
    /// <summary>The source text of the call, shortened.</summary>
    public required string Text { get; init; }
}

/// <summary>An operation on an <c>Unfuture</c> (result, await, then, done, from_value, construction, set_result).</summary>
public sealed record UnfutureOperation
{
    public required string File { get; init; }
    public required int Line { get; init; }
    public required UnfutureOperationKind Kind { get; init; }
    public required SourceSpan Span { get; init; }
    /// <summary>Qualname of the function whose body holds the operation (<c>&lt;module&gt;</c> at module level).</summary>
    public required string Caller { get; init; }
    /// <summary>Whether it runs on unsync's loop thread (inside an async-loop function).</summary>
    public required bool OnLoopThread { get; init; }
    /// <summary>Qualname of the unsync function whose future this is, when known.</summary>
    public string? Source { get; init; }
    public required string Text { get; init; }
}

/// <summary>A migration hazard: a stable code, where, and a one-line fix.</summary>
public sealed record Hazard
{
    public required HazardRule Rule { get; init; }
    public required string File { get; init; }
    public required SourceSpan Span { get; init; }
    public required string Message { get; init; }
    /// <summary>Qualname of the function the hazard is about or in, when there is one.</summary>
    public string? Function { get; init; }
    public string Code => Rule.Code;
    public int Line => Span.Line;
}

/// <summary>A file that could not be read, decoded or parsed. The scan goes on without it.</summary>
public sealed record ScanError
{
    public required string File { get; init; }
    /// <summary>1-based line, or null when unknown (a read error).</summary>
    public int? Line { get; init; }
    /// <summary>1-based column, or null when unknown.</summary>
    public int? Column { get; init; }
    /// <summary>CPython's exception class name: <c>SyntaxError</c>, <c>IndentationError</c>, <c>DecodeError</c>, <c>OSError</c>...</summary>
    public required string Kind { get; init; }
    public required string Message { get; init; }
}

/// <summary>
/// A method call whose receiver's class the analysis could not know, on a name that some
/// unsync method also has. Not a call site (the README's rule); listed for review.
/// </summary>
public sealed record NameMatch
{
    public required string File { get; init; }
    public required int Line { get; init; }
    public required SourceSpan Span { get; init; }
    public required string Method { get; init; }
    /// <summary>Qualnames of the unsync functions with that name.</summary>
    public required IReadOnlyList<string> Candidates { get; init; }
    public required string Text { get; init; }
}

/// <summary>One scanned Python file.</summary>
public sealed record ScannedFile
{
    public required string File { get; init; }
    /// <summary>Dotted module name derived from the folder structure (<c>pkg.sub.mod</c>; a package's <c>__init__.py</c> is <c>pkg</c>).</summary>
    public required string Module { get; init; }
    /// <summary>Whether the file parsed.</summary>
    public required bool Parsed { get; init; }
    /// <summary>
    /// Whether its code was searched for unsync (it mentions unsync, or imports a module that
    /// does, or receives unsync values); other files are only parsed, and read on demand when
    /// the analysis needs one of their definitions.
    /// </summary>
    public required bool Analyzed { get; init; }
    public required long Bytes { get; init; }
}

/// <summary>Everything <c>scan</c> found, in a deterministic order (by file, then position).</summary>
public sealed record ScanResult
{
    /// <summary>The scanned path as given.</summary>
    public required string Root { get; init; }
    public required IReadOnlyList<ScannedFile> Files { get; init; }
    public required IReadOnlyList<UnsyncFunction> Functions { get; init; }
    public required IReadOnlyList<CallSite> CallSites { get; init; }
    public required IReadOnlyList<UnfutureOperation> Operations { get; init; }
    public required IReadOnlyList<Hazard> Hazards { get; init; }
    public required IReadOnlyList<NameMatch> NameMatches { get; init; }
    public required IReadOnlyList<ScanError> Errors { get; init; }
    public TimeSpan Elapsed { get; init; }
}
