using System.Text.Json.Serialization;

namespace Maap.Algorithms.Protocol.Json;

/// <summary>The body of <c>GET /api/environment/config</c> (spec §1); only the parts the client reads.</summary>
internal sealed class ClientConfigDocument
{
    [JsonPropertyName("maap_endpoint")]
    public Dictionary<string, string?>? MaapEndpoint { get; set; }

    [JsonPropertyName("service")]
    public ServiceSection? Service { get; set; }

    internal sealed class ServiceSection
    {
        [JsonPropertyName("maap_api_root")]
        public string? MaapApiRoot { get; set; }
    }
}
