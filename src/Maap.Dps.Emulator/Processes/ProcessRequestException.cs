namespace Maap.Dps.Emulator.Processes;

/// <summary>
/// A process or deployment request the rules refuse, with the HTTP status and the <c>detail</c> MAAP answers with
/// (<c>maap-ogc-spec.md</c> §3.2–3.7); the endpoints write it in the <c>generate_error</c> shape.
/// </summary>
internal sealed class ProcessRequestException(int status, string detail, string? type = null) : Exception(detail)
{
    public int Status { get; } = status;

    /// <summary>The OGC exception type URI, or null (MAAP's <c>generate_error</c> writes <c>"type": null</c> then).</summary>
    public string? Type { get; } = type;

    /// <summary>The processID for a 409 duplicate, written as <c>additionalProperties.processID</c>.</summary>
    public int? DuplicateOf { get; init; }
}
