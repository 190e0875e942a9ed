using System.Text.Json;
using Maap.Algorithms.Http;
using Maap.Algorithms.Protocol;
using Maap.Algorithms.Protocol.Json;
using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms;

/// <summary>The algorithm registry and queues (spec §11, §12). Reach it as <c>maap.Algorithms</c>.</summary>
public class MaapAlgorithmsClient
{
    private readonly MaapPipeline? _pipeline;
    private readonly MaapEndpoints? _endpoints;

    /// <summary>For mocking.</summary>
    protected MaapAlgorithmsClient()
    {
    }

    internal MaapAlgorithmsClient(MaapPipeline pipeline, MaapEndpoints endpoints)
    {
        _pipeline = pipeline;
        _endpoints = endpoints;
    }

    private MaapPipeline Pipeline => _pipeline ?? throw new InvalidOperationException("This client was created for mocking.");

    /// <summary>Registers an algorithm, which makes MAAP build its container.</summary>
    /// <param name="registration">The registration (the content of <c>algorithm_config.yaml</c>).</param>
    /// <param name="cancellationToken">Cancels the call. A registration is never retried.</param>
    /// <returns>The build pipeline MAAP started.</returns>
    public virtual async Task<AlgorithmRegistrationResult> RegisterAsync(AlgorithmRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var body = JsonSerializer.Serialize(registration, MaapJsonContext.Default.AlgorithmRegistration);
        var url = new Uri(await AlgorithmUrlAsync(cancellationToken).ConfigureAwait(false));
        var response = await Pipeline.SendAsync(
            new MaapRequest(HttpMethod.Post, url, "Algorithms.Register") { Content = MaapPipeline.Text(body, "application/json") },
            cancellationToken).ConfigureAwait(false);
        var document = ReadEnvelope(response);
        return new AlgorithmRegistrationResult(registration.JobType, document.Message.ValueKind == JsonValueKind.Undefined ? default : document.Message.Clone());
    }

    /// <summary>Lists registered algorithms.</summary>
    /// <param name="visibility">Which algorithms to list.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The algorithms.</returns>
    public virtual async Task<IReadOnlyList<AlgorithmSummary>> ListAsync(AlgorithmVisibility visibility = AlgorithmVisibility.All, CancellationToken cancellationToken = default)
    {
        var query = visibility switch
        {
            AlgorithmVisibility.Public => "?visibility=public",
            AlgorithmVisibility.Private => "?visibility=private",
            _ => "?visibility=all",
        };
        var url = new Uri(await AlgorithmUrlAsync(cancellationToken).ConfigureAwait(false) + query);
        var response = await Pipeline.SendAsync(new MaapRequest(HttpMethod.Get, url, "Algorithms.List"), cancellationToken).ConfigureAwait(false);
        var document = ReadEnvelope(response);
        var algorithms = document.Algorithms ?? throw response.ToProtocolError("Expected an \"algorithms\" array");
        var list = new List<AlgorithmSummary>(algorithms.Count);
        foreach (var item in algorithms)
        {
            list.Add(new AlgorithmSummary(item.Type ?? throw response.ToProtocolError("An algorithm has no type"), item.Version ?? string.Empty));
        }

        return list;
    }

    /// <summary>Describes a registered algorithm: its parameters and recommended queue.</summary>
    /// <param name="algorithmId">The algorithm name.</param>
    /// <param name="version">The algorithm version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The description.</returns>
    public virtual async Task<AlgorithmDescription> DescribeAsync(string algorithmId, string version, CancellationToken cancellationToken = default)
    {
        var url = await AlgorithmVersionUrlAsync(algorithmId, version, cancellationToken).ConfigureAwait(false);
        var response = await Pipeline.SendAsync(new MaapRequest(HttpMethod.Get, url, "Algorithms.Describe") { Accept = "application/xml, text/xml" }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw response.ToFailure();
        }

        try
        {
            return WpsReader.ReadProcessOfferings(response.Body);
        }
        catch (FormatException ex)
        {
            throw response.ToProtocolError($"Expected wps:ProcessOfferings: {ex.Message}", ex);
        }
    }

    /// <summary>Deletes a registered algorithm version.</summary>
    /// <param name="algorithmId">The algorithm name.</param>
    /// <param name="version">The algorithm version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when MAAP deleted it.</returns>
    public virtual async Task DeleteAsync(string algorithmId, string version, CancellationToken cancellationToken = default)
    {
        var url = await AlgorithmVersionUrlAsync(algorithmId, version, cancellationToken).ConfigureAwait(false);
        var response = await Pipeline.SendAsync(new MaapRequest(HttpMethod.Delete, url, "Algorithms.Delete"), cancellationToken).ConfigureAwait(false);
        ReadEnvelope(response);
    }

    /// <summary>Lists the queues the member may submit to (<c>GET /api/mas/algorithm/resource</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The queue names, in no guaranteed order.</returns>
    public virtual async Task<IReadOnlyList<string>> ListQueuesAsync(CancellationToken cancellationToken = default)
    {
        var url = new Uri(await AlgorithmUrlAsync(cancellationToken).ConfigureAwait(false) + "/resource");
        var response = await Pipeline.SendAsync(new MaapRequest(HttpMethod.Get, url, "Algorithms.ListQueues"), cancellationToken).ConfigureAwait(false);
        return ReadEnvelope(response).Queues ?? throw response.ToProtocolError("Expected a \"queues\" array");
    }

    private static CodeMessageDocument ReadEnvelope(MaapResponse response) =>
        response.ReadJson(MaapJsonContext.Default.CodeMessageDocument, "Expected a JSON object");

    private async Task<string> AlgorithmUrlAsync(CancellationToken cancellationToken) =>
        (await _endpoints!.GetAsync(Pipeline, cancellationToken).ConfigureAwait(false)).Algorithm;

    private async Task<Uri> AlgorithmVersionUrlAsync(string algorithmId, string version, CancellationToken cancellationToken)
    {
        JobRequest.ValidateAlgorithmId(algorithmId, nameof(algorithmId));
        JobRequest.ValidateVersion(version, nameof(version));
        return new Uri($"{await AlgorithmUrlAsync(cancellationToken).ConfigureAwait(false)}/{Uri.EscapeDataString(algorithmId)}:{Uri.EscapeDataString(version)}");
    }
}
