using System.Text.Json;

namespace Maap.Algorithms;

/// <summary>One input of a deployed process, read from MAAP's hysds-io parameter object.</summary>
public sealed class ProcessInput
{
    /// <summary>The input name a job submission uses.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The input's type.</summary>
    public ProcessInputType Type { get; init; }

    /// <summary>MAAP's type word as sent (<c>text</c>, <c>number</c>, …), for a type this library does not know.</summary>
    public string? TypeText { get; init; }

    /// <summary>The description (the CWL <c>doc</c>).</summary>
    public string? Description { get; init; }

    /// <summary>The placeholder (the CWL <c>label</c>).</summary>
    public string? Placeholder { get; init; }

    /// <summary>The default, native-typed as MAAP sent it (a string, number, boolean or JSON text); null when there is none.</summary>
    public JsonElement? Default { get; init; }

    /// <summary>True when a job may leave it out without a default (a CWL type ending in <c>?</c>).</summary>
    public bool IsOptional { get; init; }

    /// <summary>True when a job must give it: not optional and no default.</summary>
    public bool IsRequired => !IsOptional && Default is null;

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({TypeText ?? Type.ToString()}{(IsRequired ? ", required" : string.Empty)})";
}
