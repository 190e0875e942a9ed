using System.Text.Json.Serialization;

namespace Maap.Algorithms;

/// <summary>One input of an algorithm registration (an item under <c>inputs.file</c>, <c>inputs.config</c> or <c>inputs.positional</c>).</summary>
public sealed class AlgorithmInputDefinition
{
    /// <summary>Creates an input definition.</summary>
    /// <param name="name">The parameter name submitters use.</param>
    public AlgorithmInputDefinition(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The parameter name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; }

    /// <summary>
    /// The default MAAP applies when a submission leaves the input out. Null: no default, so the input is required
    /// (an empty string is a default, which makes the input optional).
    /// </summary>
    [JsonPropertyName("default")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Default { get; init; }

    /// <summary>A description for people; MAAP stores but ignores it.</summary>
    [JsonPropertyName("description")]
    public string Description { get; init; } = string.Empty;

    /// <summary>Whether the input is required; MAAP stores but ignores it (only <see cref="Default"/> matters).</summary>
    [JsonPropertyName("required")]
    public bool Required { get; init; }

    /// <summary>The MAAP data type (<c>text</c>, <c>number</c>, <c>boolean</c>, …); null leaves MAAP's <c>text</c>.</summary>
    [JsonPropertyName("data_type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DataType { get; init; }
}
