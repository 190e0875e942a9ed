using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Maap.Algorithms.Http;

namespace Maap.Algorithms.Protocol.Ogc;

/// <summary>
/// Finds the processID of a deployed algorithm, <c>(id, version[, deployer])</c>, through
/// <c>GET /api/ogc/processes?algorithmName=&amp;algorithmVersion=&amp;deployer=</c> (OGC spec §5), one lookup per key
/// per client. An answer (a processID, or "not deployed") is kept; a failed lookup is not, so the next call asks again.
/// </summary>
internal sealed class OgcProcessResolver(MaapPipeline pipeline, MaapEndpoints endpoints)
{
    private readonly ConcurrentDictionary<(string Id, string Version, string? Deployer), Lazy<Task<string?>>> _answers = new();

    /// <summary>The processID, or null when no deployed process matches (or the server has no OGC API at all).</summary>
    /// <exception cref="ArgumentException">Several members deployed this id and version, and no deployer was named.</exception>
    public async Task<string?> FindAsync(string algorithmId, string version, string? deployer, CancellationToken cancellationToken)
    {
        var key = (algorithmId, version, deployer);
        var lazy = _answers.GetOrAdd(key, k => new Lazy<Task<string?>>(() => LookUpAsync(k.Id, k.Version, k.Deployer)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _answers.TryRemove(new KeyValuePair<(string, string, string?), Lazy<Task<string?>>>(key, lazy));
            throw;
        }
    }

    /// <summary>Forgets every answer, after a deploy or undeploy through the same client changed them.</summary>
    public void Forget() => _answers.Clear();

    // Detached from the first caller's token, like endpoint discovery: one cancelled caller must not fail the others.
    private async Task<string?> LookUpAsync(string algorithmId, string version, string? deployer)
    {
        var processes = (await endpoints.GetAsync(pipeline, CancellationToken.None).ConfigureAwait(false)).ProcessesOgc;
        var query = $"?algorithmName={Uri.EscapeDataString(algorithmId)}&algorithmVersion={Uri.EscapeDataString(version)}";
        if (deployer is not null)
        {
            query += "&deployer=" + Uri.EscapeDataString(deployer);
        }

        var response = await pipeline.SendAsync(
            new MaapRequest(HttpMethod.Get, new Uri(processes + query), "Processes.Resolve") { Authenticate = false },
            CancellationToken.None).ConfigureAwait(false);
        if (response.Status == HttpStatusCode.NotFound)
        {
            // A MAAP without the OGC API (an older server, or an emulator without it) has no deployed processes.
            return null;
        }

        if (!response.IsSuccess)
        {
            throw response.ToFailure();
        }

        List<(string ProcessId, string? DeployedBy)> matches;
        try
        {
            matches = Matches(response.Body, algorithmId, version, deployer);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw response.ToProtocolError($"The process list could not be read: {ex.Message}", ex);
        }

        return matches.Count switch
        {
            0 => null,
            1 => matches[0].ProcessId,
            _ => throw new ArgumentException(
                $"{algorithmId}:{version} is deployed by several members ({string.Join(", ", matches.Select(m => m.DeployedBy ?? "?"))}); name one in JobRequest.Deployer, or give JobRequest.ProcessId.",
                nameof(deployer)),
        };
    }

    /// <summary>The list's rows for this key. The filters are applied again here: a server that ignored them still gives the right answer.</summary>
    internal static List<(string ProcessId, string? DeployedBy)> Matches(string body, string algorithmId, string version, string? deployer)
    {
        using var document = OgcJson.Parse(body);
        if (OgcJson.Property(document.RootElement, "processes") is not { ValueKind: JsonValueKind.Array } processes)
        {
            throw new FormatException("The process list has no \"processes\" array.");
        }

        var matches = new List<(string, string?)>();
        foreach (var process in processes.EnumerateArray())
        {
            var deployedBy = OgcJson.String(process, "deployedBy");
            if (OgcJson.String(process, "id") == algorithmId && OgcJson.String(process, "version") == version
                && (deployer is null || deployedBy == deployer)
                && OgcJson.Id(process, "processID") is { } processId)
            {
                matches.Add((processId, deployedBy));
            }
        }

        return matches;
    }
}
