namespace Maap.Algorithms.Http;

/// <summary>One call to MAAP, before credentials and retries are applied.</summary>
internal sealed class MaapRequest(HttpMethod method, Uri url, string operation)
{
    public HttpMethod Method { get; } = method;

    public Uri Url { get; } = url;

    /// <summary>The operation name used for the activity and the logs, e.g. <c>Jobs.GetStatus</c>.</summary>
    public string Operation { get; } = operation;

    public HttpContent? Content { get; init; }

    public string Accept { get; init; } = "application/json";

    /// <summary>Whether to attach the credential; the config discovery call does not need it.</summary>
    public bool Authenticate { get; init; } = true;

    /// <summary>When true, no part of the response body may reach an exception (it can carry a secret value).</summary>
    public bool SensitiveBody { get; init; }

    /// <summary>Only GETs are retried: a retried POST can start a second job.</summary>
    public bool IsRetriable => Method == HttpMethod.Get;
}
