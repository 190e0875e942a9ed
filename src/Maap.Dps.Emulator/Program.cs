using Maap.Dps.Emulator;
using Maap.Dps.Emulator.Hosting;
using Microsoft.Extensions.Configuration;

// `dotnet run --project src/Maap.Dps.Emulator -- [--urls URL] [--data-dir DIR] [--user NAME --token-file FILE] [--queues SPEC]`
// Settings can also come from environment variables prefixed MAAP_EMULATOR_ (MAAP_EMULATOR_USER, …) and
// from Users:0:Name / Users:0:Token style keys for several users.
var config = new ConfigurationBuilder()
    .AddEnvironmentVariables("MAAP_EMULATOR_")
    .AddCommandLine(args, new Dictionary<string, string>
    {
        ["--urls"] = "Urls",
        ["--data-dir"] = "DataDir",
        ["--user"] = "User",
        ["--token"] = "Token",
        ["--token-file"] = "TokenFile",
        ["--log"] = "Log",
        ["--queues"] = "Queues",
        ["--input-dirs"] = "InputDirs",
    })
    .Build();

// A token on the command line is readable by every user of the machine (ps); --token-file and MAAP_EMULATOR_TOKEN are not.
var token = config["TokenFile"] is { Length: > 0 } tokenFile ? EmulatorConsoleHost.ReadTokenFile(tokenFile) : config["Token"];
var options = EmulatorConsoleHost.CreateOptions(
    config["Urls"], config["DataDir"], config["User"], token,
    consoleLogging: !string.Equals(config["Log"], "false", StringComparison.OrdinalIgnoreCase));
foreach (var section in config.GetSection("Users").GetChildren())
{
    if (section["Name"] is { Length: > 0 } name && section["Token"] is { Length: > 0 } t)
    {
        options.Users.Add(new EmulatorUser(name, t));
    }
}

// Folders file: inputs may be read from, separated by ':' like PATH; none by default.
foreach (var dir in (config["InputDirs"] ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
{
    options.LocalInputDirectories.Add(Path.GetFullPath(dir));
}

if (config["Queues"] is { Length: > 0 } queueSpec)
{
    foreach (var queue in EmulatorConsoleHost.ParseQueues(queueSpec))
    {
        options.Queues.Add(queue);
    }
}

await EmulatorConsoleHost.RunAsync(options, Console.Out);
