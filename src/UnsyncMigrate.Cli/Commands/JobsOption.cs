using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace UnsyncMigrate.Cli.Commands;

/// <summary>The <c>--jobs N</c> option every verb has: a whole number from 1 to <see cref="Max"/>, the same check and message everywhere.</summary>
internal static class JobsOption
{
    public const int Max = 256;

    /// <param name="description">What N counts for this verb.</param>
    public static Option<int?> Create(string description) => new("--jobs", "-j")
    {
        Description = description,
        HelpName = "N",
        CustomParser = Parse,
    };

    static int? Parse(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= Max) return n;
        result.AddError($"--jobs expects a whole number from 1 to {Max}, not '{text}'.");
        return null;
    }
}
