using System.Text.Json.Serialization;

namespace Maap.Algorithms.Protocol.Json;

/// <summary>MAAP's common <c>{"code","message"}</c> envelope, also used by the queue and algorithm lists.</summary>
internal sealed class CodeMessageDocument
{
    [JsonPropertyName("code")]
    public int? Code { get; set; }

    [JsonPropertyName("message")]
    public System.Text.Json.JsonElement Message { get; set; }

    [JsonPropertyName("queues")]
    public List<string>? Queues { get; set; }

    [JsonPropertyName("algorithms")]
    public List<AlgorithmListItem>? Algorithms { get; set; }

    internal sealed class AlgorithmListItem
    {
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        [JsonPropertyName("version")]
        public string? Version { get; set; }
    }
}
