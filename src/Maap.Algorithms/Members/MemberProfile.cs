using System.Text.Json.Serialization;

namespace Maap.Algorithms;

/// <summary>
/// The signed-in MAAP member (<c>GET /api/members/self</c>). MAAP also returns the member's live session key and
/// Earthdata token in that body; this type deliberately has no place for them, so they are never kept or printed.
/// </summary>
public sealed class MemberProfile
{
    /// <summary>The member's numeric id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>The MAAP username; it names the member's output folders.</summary>
    [JsonPropertyName("username")]
    public string Username { get; init; } = string.Empty;

    /// <summary>First name.</summary>
    [JsonPropertyName("first_name")]
    public string? FirstName { get; init; }

    /// <summary>Last name.</summary>
    [JsonPropertyName("last_name")]
    public string? LastName { get; init; }

    /// <summary>E-mail address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Account status, for example <c>active</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>When the account was created, as MAAP formats it.</summary>
    [JsonPropertyName("creation_date")]
    public string? CreationDate { get; init; }

    /// <summary>The member's organisations. MAAP sends them only to proxy-ticket callers; empty otherwise.</summary>
    [JsonPropertyName("organizations")]
    public IReadOnlyList<MemberOrganization> Organizations { get; init; } = [];

    /// <inheritdoc/>
    public override string ToString() => Username;
}
