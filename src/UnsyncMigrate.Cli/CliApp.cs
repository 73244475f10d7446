using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using UnsyncMigrate.Cli.Commands;

namespace UnsyncMigrate.Cli;

/// <summary>
/// The command line of <c>dotnet unsync-migrate</c>: builds the command tree and runs it,
/// turning every command-line mistake into <see cref="ExitCodes.Usage"/> (System.CommandLine
/// itself would exit 1, which <c>ast</c> uses for rejected files).
/// </summary>
public static class CliApp
{
    /// <summary>A fresh command tree (commands hold no state between runs).</summary>
    public static RootCommand BuildRoot() => new MigrateRootCommand();

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    /// <param name="configuration">Where output goes (tests pass StringWriters); the console by default.</param>
    public static int Run(string[] args, InvocationConfiguration? configuration = null)
    {
        configuration ??= new InvocationConfiguration();
        // Signals are IO.Termination's (installed by the entry point for the real process): one
        // behaviour for every verb, including synchronous ones System.CommandLine cannot stop.
        configuration.ProcessTerminationTimeout = null;
        var parseResult = BuildRoot().Parse(args);

        // Help wins over every mistake (System.CommandLine clears parse errors for it; do the same here).
        var problems = parseResult.Action is ParseErrorAction or ToolHelp ? [] : UnknownOptions(parseResult);
        if (parseResult.Action is ParseErrorAction && ExtraPaths(parseResult) is { } extra)
        {
            configuration.Error.WriteLine(extra);
            configuration.Error.WriteLine();
            WriteUsageHint(parseResult, configuration);
            return ExitCodes.Usage;
        }
        if (parseResult.Action is ParseErrorAction errorAction)
        {
            errorAction.ShowHelp = false;
            parseResult.Invoke(configuration);     // prints the errors (and typo suggestions) to stderr
            WriteUsageHint(parseResult, configuration);
            return ExitCodes.Usage;
        }
        if (problems.Count > 0)
        {
            foreach (var p in problems) configuration.Error.WriteLine($"Unrecognized option '{p}'.");
            configuration.Error.WriteLine();
            WriteUsageHint(parseResult, configuration);
            return ExitCodes.Usage;
        }
        return parseResult.InvokeAsync(configuration, IO.Termination.Token).GetAwaiter().GetResult();
    }

    /// <summary>Runs a command body, reporting an unexpected exception as an internal error (exit 4) rather than System.CommandLine's exit 1.</summary>
    internal static int Guard(ParseResult parseResult, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (OperationCanceledException)
        {
            parseResult.InvocationConfiguration.Error.WriteLine("interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (parseResult.InvocationConfiguration.EnableDefaultExceptionHandler)
        {
            parseResult.InvocationConfiguration.Error.WriteLine($"internal error: {e}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// <c>dotnet unsync-migrate a b</c>: System.CommandLine would suggest an option for <c>b</c>
    /// (even <c>/h</c> for <c>./py</c>); say plainly that migrate takes one PATH.
    /// </summary>
    static string? ExtraPaths(ParseResult parseResult)
    {
        if (parseResult.CommandResult.Command is not MigrateRootCommand || parseResult.UnmatchedTokens.Count == 0
            || parseResult.UnmatchedTokens.Any(t => t.StartsWith('-'))
            || parseResult.CommandResult.Children.OfType<ArgumentResult>().FirstOrDefault() is not { Tokens.Count: > 0 } path)
            return null;
        var paths = path.Tokens.Select(t => t.Value).Concat(parseResult.UnmatchedTokens).ToList();
        return $"Expected one PATH to migrate, got {paths.Count}: {string.Join(" ", paths)}. (The commands are 'ast' and 'scan'.)";
    }

    static void WriteUsageHint(ParseResult parseResult, InvocationConfiguration configuration)
    {
        var names = new List<string>();
        for (SymbolResult? r = parseResult.CommandResult; r is CommandResult c; r = c.Parent)
        {
            if (c.Command is not RootCommand) names.Insert(0, c.Command.Name);
        }
        string path = string.Join(' ', names.Prepend(MigrateRootCommand.ToolHelpName));
        configuration.Error.WriteLine($"Run '{path} --help' for usage.");
    }

    /// <summary>
    /// Tokens like <c>--bogus</c> that System.CommandLine bound to a positional argument (PATH,
    /// FILE...) because no option has that name. Before a <c>--</c> they are unknown options,
    /// not file names.
    /// </summary>
    static List<string> UnknownOptions(ParseResult parseResult)
    {
        var found = new List<string>();
        int doubleDash = -1;
        for (int i = 0; i < parseResult.Tokens.Count; i++)
        {
            if (parseResult.Tokens[i].Type == TokenType.DoubleDash) { doubleDash = i; break; }
        }
        var positional = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        for (SymbolResult? r = parseResult.CommandResult; r is CommandResult c; r = c.Parent)
        {
            foreach (var a in c.Children.OfType<ArgumentResult>())
                foreach (var t in a.Tokens) positional.Add(t);
        }
        for (int i = 0; i < parseResult.Tokens.Count && (doubleDash < 0 || i < doubleDash); i++)
        {
            var t = parseResult.Tokens[i];
            if (t.Value.Length > 1 && t.Value[0] == '-' && positional.Contains(t)) found.Add(t.Value);
        }
        return found;
    }
}
