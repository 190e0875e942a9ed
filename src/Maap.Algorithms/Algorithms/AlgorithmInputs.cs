using System.Text.Json.Serialization;

namespace Maap.Algorithms;

/// <summary>The inputs of an algorithm registration, grouped by how DPS delivers them (spec §12.2).</summary>
public sealed class AlgorithmInputs
{
    /// <summary>Inputs whose URL DPS downloads into the job's <c>input/</c> folder.</summary>
    [JsonPropertyName("file")]
    public IList<AlgorithmInputDefinition> File { get; init; } = new List<AlgorithmInputDefinition>();

    /// <summary>Inputs DPS writes into the job's <c>_context.json</c>.</summary>
    [JsonPropertyName("config")]
    public IList<AlgorithmInputDefinition> Config { get; init; } = new List<AlgorithmInputDefinition>();

    /// <summary>Inputs DPS passes to the run command as arguments, in this order.</summary>
    [JsonPropertyName("positional")]
    public IList<AlgorithmInputDefinition> Positional { get; init; } = new List<AlgorithmInputDefinition>();
}
