namespace Maap.Dps.Emulator.Processes;

/// <summary>
/// A process or deployment request the rules refuse, with the HTTP status and the <c>detail</c> MAAP answers with
/// (<c>maap-ogc-spec.md</c> §3.2–3.7); the endpoints write it in the <c>generate_error</c> shape.
/// </summary>
internal sealed class ProcessRequestException(int status, string detail, ProcessErrorKind kind = ProcessErrorKind.Untyped) : Exception(detail)
{
    public int Status { get; } = status;

    /// <summary>Which OGC exception type the answer names; <see cref="ProcessErrorKind.Untyped"/> writes <c>"type": null</c>.</summary>
    public ProcessErrorKind Kind { get; } = kind;

    /// <summary>The processID for a 409 duplicate, written as <c>additionalProperties.processID</c>.</summary>
    public int? DuplicateOf { get; init; }
}

/// <summary>The OGC exception types MAAP's process routes use (<c>maap-ogc-spec.md</c> §1.3).</summary>
internal enum ProcessErrorKind
{
    /// <summary>No type: MAAP's <c>generate_error</c> without a code.</summary>
    Untyped,

    /// <summary><c>ogcapi-processes-1/1.0/no-such-process</c>.</summary>
    NoSuchProcess,

    /// <summary><c>ogcapi-processes-2/1.0/immutable-process</c>.</summary>
    ImmutableProcess,

    /// <summary><c>ogcapi-processes-2/1.0/duplicated-process</c>.</summary>
    DuplicatedProcess,
}
