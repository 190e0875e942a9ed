using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using Maap.Algorithms.Http;
using Maap.Algorithms.Protocol;

namespace Maap.Algorithms;

/// <summary>The deployment half: deploy and replace from CWL, deployment status, and waiting for a deployment.</summary>
public partial class MaapProcessesClient
{
    /// <summary>The largest CWL text sent: MAAP's own documents are a few kilobytes.</summary>
    public const int MaxCwlLength = 1024 * 1024;

    /// <summary>Deploys a process from CWL text (MAAP's <c>cwlRawText</c>). Deployment runs a GitLab pipeline; wait for it with <see cref="WaitForDeploymentAsync"/>.</summary>
    /// <param name="cwl">The CWL v1.2 document.</param>
    /// <param name="cancellationToken">Cancels the call. A deploy is never retried.</param>
    /// <returns>The deployment job, status <c>accepted</c>.</returns>
    /// <exception cref="ProcessAlreadyDeployedException">The member already deployed this id and version; replace it by its processID.</exception>
    /// <exception cref="MaapRequestFailedException">MAAP refused the CWL (400, with cwltool's message).</exception>
    public virtual Task<ProcessDeployment> DeployAsync(string cwl, CancellationToken cancellationToken = default) =>
        SendDeploymentAsync(HttpMethod.Post, processId: null, CwlBody(cwl, nameof(cwl)), "Processes.Deploy", cancellationToken);

    /// <summary>Deploys a process from a CWL URL MAAP fetches without credentials (MAAP's <c>executionUnit.href</c>).</summary>
    /// <param name="cwlUrl">An http(s) URL of the CWL document.</param>
    /// <param name="cancellationToken">Cancels the call. A deploy is never retried.</param>
    /// <returns>The deployment job, status <c>accepted</c>.</returns>
    /// <exception cref="ProcessAlreadyDeployedException">The member already deployed this id and version.</exception>
    public virtual Task<ProcessDeployment> DeployFromUrlAsync(Uri cwlUrl, CancellationToken cancellationToken = default) =>
        SendDeploymentAsync(HttpMethod.Post, processId: null, HrefBody(cwlUrl, nameof(cwlUrl)), "Processes.Deploy", cancellationToken);

    /// <summary>Replaces a deployed process with new CWL text of the same id and version; the processID stays.</summary>
    /// <param name="processId">The processID.</param>
    /// <param name="cwl">The CWL v1.2 document.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deployment job the replace started.</returns>
    public virtual Task<ProcessDeployment> ReplaceAsync(string processId, string cwl, CancellationToken cancellationToken = default) =>
        SendDeploymentAsync(HttpMethod.Put, ProcessIds.Validate(processId, nameof(processId)), CwlBody(cwl, nameof(cwl)), "Processes.Replace", cancellationToken);

    /// <summary>Replaces a deployed process with the CWL at a URL; the processID stays.</summary>
    /// <param name="processId">The processID.</param>
    /// <param name="cwlUrl">An http(s) URL of the CWL document.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deployment job the replace started.</returns>
    public virtual Task<ProcessDeployment> ReplaceFromUrlAsync(string processId, Uri cwlUrl, CancellationToken cancellationToken = default) =>
        SendDeploymentAsync(HttpMethod.Put, ProcessIds.Validate(processId, nameof(processId)), HrefBody(cwlUrl, nameof(cwlUrl)), "Processes.Replace", cancellationToken);

    /// <summary>Gets a deployment job's state. The call that first sees it succeed is the one that creates the process (MAAP answers 201 to it).</summary>
    /// <param name="deploymentId">The deployment job id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deployment.</returns>
    public virtual async Task<ProcessDeployment> GetDeploymentAsync(string deploymentId, CancellationToken cancellationToken = default)
    {
        ProcessIds.ValidateDeploymentId(deploymentId, nameof(deploymentId));
        var endpoints = await _endpoints!.GetAsync(Pipeline, cancellationToken).ConfigureAwait(false);
        var url = new Uri($"{endpoints.DeploymentJobsOgc}/{deploymentId}");
        var response = await Pipeline.SendAsync(new MaapRequest(HttpMethod.Get, url, "Processes.GetDeployment"), cancellationToken).ConfigureAwait(false);
        var deployment = Read(response, body => ProcessDocuments.ReadDeployment(body, deploymentId), "a deployment job");
        if (deployment.HasSucceeded)
        {
            _resolver!.Forget();
        }

        return deployment;
    }

    /// <summary>
    /// Polls a deployment job until it is final (succeeded, failed, or a GitLab end state), with jittered exponential
    /// backoff on the client's <see cref="TimeProvider"/>, a cap and an overall timeout, as a job wait does.
    /// </summary>
    /// <param name="deploymentId">The deployment job id.</param>
    /// <param name="options">How to poll; null uses the client's <see cref="MaapClientOptions.Wait"/>. Only the delays and timeout apply.</param>
    /// <param name="cancellationToken">Stops waiting; the deployment goes on.</param>
    /// <returns>The final deployment; <see cref="ProcessDeployment.ProcessId"/> is set when it succeeded.</returns>
    /// <exception cref="TimeoutException">The deployment did not finish within <see cref="JobWaitOptions.Timeout"/>.</exception>
    public virtual async Task<ProcessDeployment> WaitForDeploymentAsync(string deploymentId, JobWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ProcessIds.ValidateDeploymentId(deploymentId, nameof(deploymentId));
        options = options?.Clone() ?? _options!.Wait;
        options.Validate();
        var time = _options!.TimeProvider;
        var started = time.GetTimestamp();
        var delay = options.InitialDelay;
        while (true)
        {
            var deployment = await GetDeploymentAsync(deploymentId, cancellationToken).ConfigureAwait(false);
            if (deployment.IsFinal)
            {
                return deployment;
            }

            var wait = options.Jitter == 0 ? delay : TimeSpan.FromTicks((long)(delay.Ticks * (1 - options.Jitter + (2 * options.Jitter * Random.Shared.NextDouble()))));
            if (options.Timeout is { } timeout)
            {
                var remaining = timeout - time.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"Deployment {deploymentId} did not finish within {timeout} (last status: {deployment.Status}). It goes on; wait again later.");
                }

                wait = wait > remaining ? remaining : wait;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min((long)(delay.Ticks * options.BackoffFactor), options.MaxDelay.Ticks));
        }
    }

    private async Task<ProcessDeployment> SendDeploymentAsync(HttpMethod method, string? processId, string body, string operation, CancellationToken cancellationToken)
    {
        var processes = await ProcessesAsync(cancellationToken).ConfigureAwait(false);
        var url = new Uri(processId is null ? processes : $"{processes}/{processId}");
        var response = await Pipeline.SendAsync(new MaapRequest(method, url, operation) { Content = MaapPipeline.Text(body, "application/json") }, cancellationToken).ConfigureAwait(false);
        if (response.Status == HttpStatusCode.Conflict && ProcessDocuments.ReadDuplicateProcessId(response.Body) is { } existing)
        {
            var failure = response.ToFailure();
            throw new ProcessAlreadyDeployedException(existing, failure.ErrorCode, failure.ServerMessage, failure.BodyExcerpt);
        }

        return Read(response, text => ProcessDocuments.ReadDeployment(text, knownDeploymentId: null), "a deployment answer");
    }

    private static string CwlBody(string cwl, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cwl, paramName);
        if (cwl.Length > MaxCwlLength)
        {
            throw new ArgumentException($"The CWL is {cwl.Length} characters; more than {MaxCwlLength} is not a process document.", paramName);
        }

        return Json(writer => writer.WriteString("cwlRawText", cwl));
    }

    private static string HrefBody(Uri cwlUrl, string paramName)
    {
        ArgumentNullException.ThrowIfNull(cwlUrl, paramName);
        if (!cwlUrl.IsAbsoluteUri || (cwlUrl.Scheme != Uri.UriSchemeHttp && cwlUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{cwlUrl}' is not an http(s) URL MAAP can fetch the CWL from.", paramName);
        }

        return Json(writer =>
        {
            writer.WriteStartObject("executionUnit");
            writer.WriteString("href", cwlUrl.AbsoluteUri);
            writer.WriteEndObject();
        });
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
