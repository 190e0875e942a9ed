using System.Text.Json.Nodes;

namespace Maap.Dps.Emulator.Store;

/// <summary>One registered algorithm input, as the generated job spec and hysds-io hold it.</summary>
/// <param name="Name">The input name.</param>
/// <param name="Destination"><c>localize</c> (file), <c>positional</c> or <c>context</c> (config).</param>
/// <param name="Default">The registered default, or null when the input has none (then it is required).</param>
/// <param name="Type">The hysds-io type, <c>text</c> unless the registration named another known type.</param>
internal sealed record AlgorithmParam(string Name, string Destination, JsonNode? Default, string Type)
{
    public bool HasDefault => Default is not null;

    /// <summary>An OGC process input that may be left out (hysds-io <c>optional</c>): omitted rather than refused.</summary>
    public bool Optional { get; init; }
}
