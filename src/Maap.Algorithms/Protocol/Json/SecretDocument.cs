using System.Text.Json.Serialization;

namespace Maap.Algorithms.Protocol.Json;

/// <summary>A secret as the secrets endpoints send and receive it (spec §9).</summary>
internal sealed class SecretDocument
{
    [JsonPropertyName("secret_name")]
    public string? SecretName { get; set; }

    [JsonPropertyName("secret_value")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SecretValue { get; set; }
}
