namespace Maap.Algorithms;

/// <summary>What the generator knows about one input of a <see cref="MaapAlgorithmAttribute"/> record.</summary>
/// <param name="Name">The registered input name (WPS input id).</param>
/// <param name="ParameterName">The record parameter it comes from.</param>
/// <param name="Kind">How the input reaches the job.</param>
/// <param name="DataType">The registered <c>data_type</c>, for example <c>text</c> or <c>number</c>.</param>
/// <param name="Required">Whether the caller must supply a value (no default, not nullable).</param>
/// <param name="DefaultValue">The registered default, formatted as it is sent; null when there is none.</param>
/// <param name="Description">The registered description; null when there is none.</param>
public sealed record MaapInputMetadata(
    string Name,
    string ParameterName,
    MaapInputKind Kind,
    string DataType,
    bool Required,
    string? DefaultValue,
    string? Description)
{
    /// <summary>
    /// Whether the input is a list. An OGC job receives a list as one <c>--name value</c> pair per element, where a
    /// WPS job receives one JSON array, so the reader needs to know which inputs gather repeated values.
    /// </summary>
    public bool IsList { get; init; }
}
