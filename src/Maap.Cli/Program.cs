using Maap.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await MaapCli.RunAsync(args, CliConsole.System, cancellationToken: cancel.Token).ConfigureAwait(false);
