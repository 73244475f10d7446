using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;

namespace UnsyncMigrate.Cli.Commands;

/// <summary>
/// Help output. The root uses System.CommandLine's own help. Subcommands get their own
/// rendering in the same style, because the default would show the root's positional PATH in
/// their usage line and arguments (<c>dotnet unsync-migrate [&lt;PATH&gt;] ast ...</c>), and
/// 3.0 does not let a layout be customised (HelpContext is internal). Help is wrapped at
/// <see cref="RedirectedWidth"/> columns when stdout is redirected (stable for golden files
/// and the README), at the terminal's width otherwise.
/// </summary>
internal sealed class ToolHelp : SynchronousCommandLineAction
{
    public const int RedirectedWidth = 110;

    readonly HelpAction _default = new();

    public override bool ClearsParseErrors => true;

    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ToolHelp();
    }

    /// <summary>The terminal's width when help goes to the console of a terminal; <see cref="RedirectedWidth"/> otherwise (files, pipes, tests).</summary>
    static int Width(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected) return RedirectedWidth;
        try { return Math.Max(Console.WindowWidth, 60); }
        catch (IOException) { return RedirectedWidth; }
    }

    public override int Invoke(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        var output = parseResult.InvocationConfiguration.Output;
        int width = Width(output);
        if (command is RootCommand)
        {
            _default.MaxWidth = width;
            return _default.Invoke(parseResult);
        }
        output.Write(Render(command, width));
        return 0;
    }

    /// <summary>The help of a subcommand: description, usage, its own arguments, options (with inherited recursive ones), subcommands.</summary>
    public static string Render(Command command, int width)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(command.Description))
        {
            sb.Append("Description:\n");
            foreach (var line in command.Description.Split('\n')) sb.Append("  ").Append(line).Append('\n');
            sb.Append('\n');
        }

        var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
        var words = new List<string>();
        for (Command? c = command; c != null && c is not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            words.Insert(0, c.Name);
        }
        words.Insert(0, MigrateRootCommand.ToolHelpName);
        if (command is IUsageSynopsis custom)
        {
            words.Add(custom.UsageSynopsis);
        }
        else
        {
            words.AddRange(arguments.Select(ArgumentUsage));
            if (subcommands.Count > 0) words.Add("[command]");
            words.Add("[options]");
        }
        sb.Append("Usage:\n  ").Append(string.Join(' ', words)).Append("\n\n");

        if (arguments.Count > 0)
        {
            sb.Append("Arguments:\n");
            Columns(sb, arguments.Select(a => ($"<{a.Name}>", a.Description ?? "")).ToList(), width);
            sb.Append('\n');
        }

        var options = command.Options.Where(o => !o.Hidden).ToList();
        foreach (var parent in command.Parents.OfType<Command>())
        {
            options.AddRange(AllAncestors(parent).SelectMany(p => p.Options).Where(o => o.Recursive && !o.Hidden && !options.Contains(o)));
        }
        if (options.Count > 0)
        {
            sb.Append("Options:\n");
            Columns(sb, options.Select(o => (OptionLabel(o), o.Description ?? "")).ToList(), width);
            sb.Append('\n');
        }

        if (subcommands.Count > 0)
        {
            sb.Append("Commands:\n");
            Columns(sb, subcommands.Select(c => (c.Name, c.Description ?? "")).ToList(), width);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    static IEnumerable<Command> AllAncestors(Command c)
    {
        yield return c;
        foreach (var p in c.Parents.OfType<Command>())
            foreach (var a in AllAncestors(p)) yield return a;
    }

    static string ArgumentUsage(Argument a)
    {
        string label = $"<{a.Name}>" + (a.Arity.MaximumNumberOfValues > 1 ? "..." : "");
        return a.Arity.MinimumNumberOfValues == 0 ? $"[{label}]" : label;
    }

    static string OptionLabel(Option o)
    {
        var names = o.Aliases.Append(o.Name).Where(n => !n.StartsWith('/')).Distinct()
            .OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal);
        string label = string.Join(", ", names);
        bool takesValue = o.Arity.MaximumNumberOfValues > 0 && o.ValueType != typeof(bool);
        return takesValue ? $"{label} <{o.HelpName ?? o.Name.TrimStart('-')}>" : label;
    }

    // Two columns, the second word-wrapped to the width, as System.CommandLine lays them out.
    static void Columns(StringBuilder sb, IReadOnlyList<(string Left, string Right)> rows, int width)
    {
        int left = rows.Max(r => r.Left.Length);
        int indent = 2 + left + 2;
        int room = Math.Max(width - indent, 20);
        foreach (var (l, r) in rows)
        {
            var lines = Wrap(r, room);
            sb.Append("  ").Append(l.PadRight(left)).Append("  ").Append(lines.Count > 0 ? lines[0] : "");
            TrimEnd(sb);
            sb.Append('\n');
            for (int i = 1; i < lines.Count; i++) sb.Append(' ', indent).Append(lines[i]).Append('\n');
        }
    }

    static void TrimEnd(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
    }

    static List<string> Wrap(string text, int room)
    {
        var result = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > room)
                {
                    result.Add(line.ToString());
                    line.Clear();
                }
                if (line.Length > 0) line.Append(' ');
                line.Append(word);
            }
            result.Add(line.ToString());
        }
        return result;
    }
}

/// <summary>A subcommand whose usage line is written by hand (after the command's name), e.g. to show alternatives.</summary>
internal interface IUsageSynopsis
{
    string UsageSynopsis { get; }
}
