using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Maap.Algorithms.Tests.Infrastructure;

/// <summary>
/// An in-memory MAAP for protocol tests: routes by method and path to canned answers and records every request.
/// Only for what the emulator cannot produce (exact server quirks of other versions, faults, hostile bodies).
/// </summary>
public sealed class FakeMaapServer : HttpMessageHandler
{
    public const string Host = "http://maap.test";

    public const string ConfigJson = """
        {"maap_endpoint": {"search_granule_url": "cmr/granules", "algorithm_register": "mas/algorithm", "mas_algo": "mas/algorithm",
          "dps_job": "dps/job", "member": "members/self"},
         "service": {"maap_token": "some-token", "maap_api_root": "https://internal.example:8443/api"},
         "search": {"indexed_attributes": []}}
        """;

    private readonly ConcurrentDictionary<string, Func<RecordedRequest, HttpResponseMessage>> _routes = new();

    public FakeMaapServer()
    {
        Map("GET", "/api/environment/config", _ => Json(HttpStatusCode.OK, ConfigJson));
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public FakeMaapServer Map(string method, string path, Func<RecordedRequest, HttpResponseMessage> answer)
    {
        _routes[$"{method} {path}"] = answer;
        return this;
    }

    /// <summary>Answers the next calls to one route from a queue, one answer per call; the last answer repeats.</summary>
    public FakeMaapServer MapSequence(string method, string path, params Func<HttpResponseMessage>[] answers)
    {
        var index = -1;
        return Map(method, path, _ => answers[Math.Min(Interlocked.Increment(ref index), answers.Length - 1)]());
    }

    public IEnumerable<RecordedRequest> RequestsTo(string path) => Requests.Where(r => r.Path == path);

    public MaapClient CreateClient(Action<MaapClientOptions>? configure = null)
    {
        // WPS unless a test asks otherwise: the canned answers here are WPS ones, and Auto would first look the
        // algorithm up among OGC processes (the OGC tests set Auto or Ogc themselves).
        var options = new MaapClientOptions { Host = Host, ProxyTicket = "PGT-test-ticket", RetryDelay = TimeSpan.FromMilliseconds(1), JobProtocol = MaapJobProtocol.Wps };
        configure?.Invoke(options);
        return new MaapClient(new HttpClient(this, disposeHandler: false), options);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            body);
        Requests.Enqueue(recorded);
        if (_routes.TryGetValue($"{recorded.Method} {recorded.Path}", out var answer))
        {
            return answer(recorded);
        }

        return Json(HttpStatusCode.NotFound, """{"message": "no such route in the fake", "code": 404}""");
    }

    public static HttpResponseMessage Xml(HttpStatusCode status, string body, string mediaType = "text/xml") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}

public sealed record RecordedRequest(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string Path => Url.AbsolutePath;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? Query(string name)
    {
        var query = Url.Query.TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (Uri.UnescapeDataString(parts[0]) == name)
            {
                return parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
            }
        }

        return null;
    }
}
