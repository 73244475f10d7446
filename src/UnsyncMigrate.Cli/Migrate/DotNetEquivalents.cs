namespace UnsyncMigrate.Cli.Migrate;

/// <summary>The .NET library a migrator reaches for in place of a Python library (by its top-level module).</summary>
public static class DotNetEquivalents
{
    static readonly Dictionary<string, string> Table = new(StringComparer.Ordinal)
    {
        ["aiohttp"] = "System.Net.Http.HttpClient",
        ["requests"] = "System.Net.Http.HttpClient",
        ["httpx"] = "System.Net.Http.HttpClient",
        ["urllib"] = "System.Net.Http.HttpClient, System.Uri",
        ["logging"] = "Microsoft.Extensions.Logging",
        ["click"] = "System.CommandLine",
        ["argparse"] = "System.CommandLine",
        ["pytest"] = "xUnit",
        ["unittest"] = "xUnit",
        ["tenacity"] = "Polly",
        ["pathlib"] = "System.IO (Path, File, Directory)",
        ["os"] = "System.IO, System.Environment",
        ["shutil"] = "System.IO (File, Directory)",
        ["glob"] = "System.IO.Directory.EnumerateFiles, Microsoft.Extensions.FileSystemGlobbing",
        ["subprocess"] = "System.Diagnostics.Process",
        ["pandas"] = "Microsoft.Data.Analysis",
        ["numpy"] = "System.Numerics.Tensors, MathNet.Numerics",
        ["datetime"] = "System.DateTime, System.DateTimeOffset, System.TimeSpan",
        ["re"] = "System.Text.RegularExpressions",
        ["asyncio"] = "System.Threading.Tasks",
        ["concurrent"] = "System.Threading.Tasks",
        ["threading"] = "System.Threading",
        ["queue"] = "System.Collections.Concurrent, System.Threading.Channels",
        ["sqlite3"] = "Microsoft.Data.Sqlite",
        ["csv"] = "CsvHelper",
        ["yaml"] = "YamlDotNet",
        ["toml"] = "Tomlyn",
        ["pydantic"] = "records with System.ComponentModel.DataAnnotations",
        ["uuid"] = "System.Guid",
        ["random"] = "System.Random",
        ["socket"] = "System.Net.Sockets",
        ["tempfile"] = "System.IO.Path.GetTempFileName, Directory.CreateTempSubdirectory",
        ["pickle"] = "System.Text.Json",
        ["builtins"] = "the BCL equivalent of each builtin",
    };

    public static string For(string library) => Table.GetValueOrDefault(library, "no usual equivalent: port by hand");
}
