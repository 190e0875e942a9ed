using System.Text.Json.Serialization;

namespace Maap.Algorithms;

/// <summary>An organisation a member belongs to; it decides which queues the member may use.</summary>
public sealed class MemberOrganization
{
    /// <summary>The organisation id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>The organisation name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
