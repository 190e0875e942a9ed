using System.CommandLine;

namespace Maap.Cli;

/// <summary>What every command needs: the console, the output format, and a client built from the global options.</summary>
internal sealed class CliContext(CliConsole console, ParseResult parse, GlobalOptions options, TimeProvider time)
{
    public CliConsole Console { get; } = console;

    public TimeProvider Time { get; } = time;

    /// <summary>The --token value: the personal access token a client sends, or the token an emulator accepts.</summary>
    public string? Token => parse.GetValue(options.Token);

    /// <summary>Values an error message must never show, besides the token: e.g. the value <c>secrets add</c> sends.</summary>
    public List<string> SensitiveValues { get; } = [];

    public bool Json => string.Equals(parse.GetValue(options.Output), "json", StringComparison.OrdinalIgnoreCase);

    public MaapClient CreateClient()
    {
        var clientOptions = new MaapClientOptions
        {
            Host = parse.GetValue(options.Host),
            PersonalAccessToken = Token,
            TimeProvider = Time,
            JobProtocol = parse.GetValue(options.Protocol) switch
            {
                "wps" => MaapJobProtocol.Wps,
                "ogc" => MaapJobProtocol.Ogc,
                _ => MaapJobProtocol.Auto,
            },
        };
        if (parse.GetValue(options.RequestTimeout) is { } seconds)
        {
            clientOptions.NetworkTimeout = seconds is > 0 and <= MaxRequestTimeoutSeconds
                ? TimeSpan.FromSeconds(seconds)
                : throw new ArgumentException($"--request-timeout must be a number of seconds above 0 and at most {MaxRequestTimeoutSeconds}.");
        }

        return new MaapClient(clientOptions);
    }

    private const double MaxRequestTimeoutSeconds = 1_000_000;
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
        Description = "Your MAAP token, sent as Authorization: Bearer (default: the proxy ticket in MAAP_PGT); for emulator start, the token the emulator accepts",
        Recursive = true,
    };

    public Option<double?> RequestTimeout { get; } = new("--request-timeout")
    {
        Description = "Seconds to wait for each answer from MAAP before giving up with exit 3 (default 100)",
        Recursive = true,
    };

    public Option<string> Protocol { get; } = new Option<string>("--protocol")
    {
        Description = "Job API: auto (OGC when the algorithm is a deployed process, else WPS), wps or ogc",
        Recursive = true,
        DefaultValueFactory = _ => "auto",
    }.AcceptOnlyFromAmong("auto", "wps", "ogc");

    public Option<string> Output { get; } = new Option<string>("--output", "-o")
    {
        Description = "Output format",
        Recursive = true,
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json");
}
