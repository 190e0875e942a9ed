using Maap.Dps.Emulator;
using Microsoft.Extensions.Configuration;

// `dotnet run --project src/Maap.Dps.Emulator -- [--urls URL] [--data-dir DIR] [--user NAME --token TOKEN] [--queues SPEC]`
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
        ["--log"] = "Log",
        ["--queues"] = "Queues",
    })
    .Build();

var dataDir = Path.GetFullPath(config["DataDir"] ?? ".maap-emulator");
Directory.CreateDirectory(dataDir);
var options = new MaapEmulatorOptions
{
    Urls = config["Urls"] ?? "http://127.0.0.1:5050",
    DataDirectory = dataDir,
    ConsoleLogging = !string.Equals(config["Log"], "false", StringComparison.OrdinalIgnoreCase),
};

var userName = config["User"] ?? Environment.GetEnvironmentVariable("USER") ?? MaapEmulatorOptions.DefaultUserName;
var token = config["Token"];
if (string.IsNullOrEmpty(token))
{
    // Keep a generated token across restarts so running notebooks and jobs stay authenticated.
    var tokenFile = Path.Combine(dataDir, "default-token.txt");
    token = File.Exists(tokenFile) ? File.ReadAllText(tokenFile).Trim() : Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
    File.WriteAllText(tokenFile, token);
}

options.Users.Add(new EmulatorUser(userName, token));
foreach (var section in config.GetSection("Users").GetChildren())
{
    if (section["Name"] is { Length: > 0 } name && section["Token"] is { Length: > 0 } t)
    {
        options.Users.Add(new EmulatorUser(name, t));
    }
}

// --queues "maap-dps-sandbox:4:10,maap-dps-worker-8gb:4:0": name[:workers[:time limit in minutes, 0 = none]].
if (config["Queues"] is { Length: > 0 } queueSpec)
{
    foreach (var entry in queueSpec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
    {
        var parts = entry.Split(':');
        var workers = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 4;
        var minutes = parts.Length > 2 ? double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : 0;
        options.Queues.Add(new QueueDefinition(parts[0], workers, minutes > 0 ? TimeSpan.FromMinutes(minutes) : null));
    }
}

await using var emulator = await MaapEmulator.StartAsync(options);
var host = emulator.BaseAddress.GetLeftPart(UriPartial.Authority);
Console.WriteLine($"MAAP DPS emulator listening on {host}");
Console.WriteLine($"  data directory: {emulator.DataDirectory}");
Console.WriteLine($"  user:           {emulator.UserName}");
Console.WriteLine($"  token:          {emulator.Token}");
Console.WriteLine($"  try:            export MAAP_API_HOST={host} MAAP_PGT={emulator.Token}");
Console.WriteLine("Press Ctrl+C to stop.");

// The host turns SIGTERM and Ctrl+C into a stop request; then stop the job workers and the server.
try
{
    await Task.Delay(Timeout.Infinite, emulator.ShutdownRequested);
}
catch (OperationCanceledException)
{
}

await emulator.StopAsync();
