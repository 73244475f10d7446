namespace UnsyncMigrate.Analysis.Program;

/// <summary>
/// What a name refers to where it is used, by Python's scoping rules and the program's
/// imports: the single answer every consumer of the analysis (the report, the translation)
/// uses. <see cref="Name"/> is the name as written.
/// </summary>
public abstract record Symbol(string Name);

/// <summary>
/// A module: one of the program's (<see cref="Module"/> set) or one from outside it, by its real
/// dotted name (<c>import numpy as np</c> gives <c>Path</c> <c>numpy</c>).
/// </summary>
public sealed record ModuleSymbol(string Name, string Path, SourceModule? Module) : Symbol(Name)
{
    public bool IsExternal => Module == null;
}

/// <summary>
/// Something outside the program that is not known to be a module, by its real dotted path:
/// <c>json.dumps</c>, <c>unsync.unsync</c>, <c>unsync.Unfuture</c>, <c>os.path</c>.
/// </summary>
public sealed record ExternalSymbol(string Name, string Path) : Symbol(Name);

/// <summary>
/// A top-level name of a program module reached through an import (<c>from helpers import
/// fetch</c>), after following re-exports to the module that binds it.
/// </summary>
public sealed record MemberSymbol(string Name, SourceModule Module, string Member) : Symbol(Name);

/// <summary>A builtin (<c>len</c>, <c>print</c>, <c>ValueError</c>) that nothing in the program shadows there.</summary>
public sealed record BuiltinSymbol(string Name) : Symbol(Name);

/// <summary>
/// A variable the program binds: a local or closure variable of a function, a name of a class
/// body, or a global of the module where it is used (including names bound by several imports,
/// <c>try: import orjson as json / except ImportError: import json</c>: their value is only
/// known when the program runs).
/// </summary>
public sealed record VariableSymbol(string Name, ScopeView Scope) : Symbol(Name);

/// <summary>A name bound nowhere: reading it raises <c>NameError</c>.</summary>
public sealed record UnboundSymbol(string Name) : Symbol(Name);
