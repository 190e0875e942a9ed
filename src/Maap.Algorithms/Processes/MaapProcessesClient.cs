using System.Net;
using System.Text.Json;
using Maap.Algorithms.Http;
using Maap.Algorithms.Protocol;
using Maap.Algorithms.Protocol.Ogc;

namespace Maap.Algorithms;

/// <summary>
/// OGC processes (algorithms deployed from CWL): list, describe, package, and in the deployment half of this class
/// deploy, replace, undeploy and deployment status. Reach it as <c>maap.Processes</c>; run a process's jobs through
/// <c>maap.Jobs</c>.
/// </summary>
public partial class MaapProcessesClient
{
    private readonly MaapPipeline? _pipeline;
    private readonly MaapEndpoints? _endpoints;
    private readonly OgcProcessResolver? _resolver;
    private readonly MaapClientOptions? _options;

    /// <summary>For mocking.</summary>
    protected MaapProcessesClient()
    {
    }

    internal MaapProcessesClient(MaapPipeline pipeline, MaapEndpoints endpoints, OgcProcessResolver resolver, MaapClientOptions options)
    {
        _pipeline = pipeline;
        _endpoints = endpoints;
        _resolver = resolver;
        _options = options;
    }

    private MaapPipeline Pipeline => _pipeline ?? throw new InvalidOperationException("This client was created for mocking.");

    /// <summary>Lists deployed processes (no sign-in needed). Every filter is an exact match; MAAP does not page this list.</summary>
    /// <param name="algorithmName">Only processes with this id (the CWL Workflow id).</param>
    /// <param name="algorithmVersion">Only processes with this version.</param>
    /// <param name="deployer">Only processes this MAAP user deployed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The processes.</returns>
    public virtual async Task<IReadOnlyList<ProcessSummary>> ListAsync(string? algorithmName = null, string? algorithmVersion = null, string? deployer = null, CancellationToken cancellationToken = default)
    {
        var query = string.Empty;
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                query += (query.Length == 0 ? "?" : "&") + name + "=" + Uri.EscapeDataString(value);
            }
        }

        Add("algorithmName", algorithmName);
        Add("algorithmVersion", algorithmVersion);
        Add("deployer", deployer);
        var url = new Uri(await ProcessesAsync(cancellationToken).ConfigureAwait(false) + query);
        var response = await Pipeline.SendAsync(new MaapRequest(HttpMethod.Get, url, "Processes.List") { Authenticate = false }, cancellationToken).ConfigureAwait(false);
        return Read(response, ProcessDocuments.ReadList, "a process list");
    }

    /// <summary>
    /// The processID of a deployed process by id, version and (when several members deployed it) deployer, or null when
    /// none is deployed. The answer is the one job submissions use: looked up once per client and kept, until this client
    /// deploys, replaces or undeploys a process.
    /// </summary>
    /// <param name="algorithmId">The process id (the CWL Workflow id).</param>
    /// <param name="version">The process version.</param>
    /// <param name="deployer">The MAAP username that deployed it; null for the only match.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The processID, or null.</returns>
    /// <exception cref="ArgumentException">Several members deployed it and <paramref name="deployer"/> is null.</exception>
    public virtual Task<string?> FindProcessIdAsync(string algorithmId, string version, string? deployer = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(algorithmId);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        _ = Pipeline;
        return _resolver!.FindAsync(algorithmId, version, deployer, cancellationToken);
    }

    /// <summary>Describes a deployed process, with its typed inputs (no sign-in needed).</summary>
    /// <param name="processId">The processID, for example <c>12</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The description.</returns>
    /// <exception cref="MaapRequestFailedException">404 when no deployed process has this id, or MAAP has not finished registering it.</exception>
    public virtual async Task<ProcessDescription> DescribeAsync(string processId, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(HttpMethod.Get, processId, string.Empty, "Processes.Describe", content: null, authenticate: false, cancellationToken).ConfigureAwait(false);
        return Read(response, ProcessDocuments.ReadDescription, "a process description");
    }

    /// <summary>Gets a process's package: its description and the URL its CWL was deployed from (no sign-in needed).</summary>
    /// <param name="processId">The processID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The package.</returns>
    public virtual async Task<ProcessPackage> GetPackageAsync(string processId, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(HttpMethod.Get, processId, "/package", "Processes.GetPackage", content: null, authenticate: false, cancellationToken).ConfigureAwait(false);
        return Read(response, ProcessDocuments.ReadPackage, "a process package");
    }

    /// <summary>Undeploys a process the signed-in member deployed. Its jobs stay; the same id and version can be deployed again.</summary>
    /// <param name="processId">The processID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when MAAP undeployed it.</returns>
    /// <exception cref="MaapRequestFailedException">403 for another member's process, 404 for an unknown one.</exception>
    public virtual async Task UndeployAsync(string processId, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(HttpMethod.Delete, processId, string.Empty, "Processes.Undeploy", content: null, authenticate: true, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw response.ToFailure();
        }

        _resolver!.Forget();
    }

    private async Task<string> ProcessesAsync(CancellationToken cancellationToken) =>
        (await _endpoints!.GetAsync(Pipeline, cancellationToken).ConfigureAwait(false)).ProcessesOgc;

    private async Task<MaapResponse> SendAsync(HttpMethod method, string processId, string suffix, string operation, HttpContent? content, bool authenticate, CancellationToken cancellationToken)
    {
        ProcessIds.Validate(processId, nameof(processId));
        var url = new Uri($"{await ProcessesAsync(cancellationToken).ConfigureAwait(false)}/{processId}{suffix}");
        return await Pipeline.SendAsync(new MaapRequest(method, url, operation) { Content = content, Authenticate = authenticate }, cancellationToken).ConfigureAwait(false);
    }

    private static T Read<T>(MaapResponse response, Func<string, T> read, string expectation)
    {
        if (!response.IsSuccess)
        {
            throw response.ToFailure();
        }

        try
        {
            return read(response.Body);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw response.ToProtocolError($"Expected {expectation}: {ex.Message}", ex);
        }
    }
}
