using System.CommandLine;

namespace Maap.Cli;

/// <summary>What every command needs: the console, the output format, and a client built from the global options.</summary>
internal sealed class CliContext(CliConsole console, ParseResult parse, GlobalOptions options, TimeProvider time)
{
    public CliConsole Console { get; } = console;

    public TimeProvider Time { get; } = time;

    public bool Json => string.Equals(parse.GetValue(options.Output), "json", StringComparison.OrdinalIgnoreCase);

    public MaapClient CreateClient()
    {
        var clientOptions = new MaapClientOptions
        {
            Host = parse.GetValue(options.Host),
            PersonalAccessToken = parse.GetValue(options.Token),
            TimeProvider = Time,
        };
        return new MaapClient(clientOptions);
    }
}

/// <summary>Options every command accepts.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Host { get; } = new("--host")
    {
        Description = "MAAP API host, e.g. api.maap-project.org or http://127.0.0.1:5050 (default: MAAP_API_HOST, else api.maap-project.org)",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "Personal access token, sent as Authorization: Bearer (default: the proxy ticket in MAAP_PGT)",
        Recursive = true,
    };

    public Option<string> Output { get; } = new Option<string>("--output", "-o")
    {
        Description = "Output format",
        Recursive = true,
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json");
}
