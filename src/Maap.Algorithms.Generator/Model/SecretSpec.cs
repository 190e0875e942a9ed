namespace Maap.Algorithms.Generator.Model;

/// <summary>A secret the algorithm reads: a fixed name from <c>[MaapSecret]</c>.</summary>
internal sealed record SecretSpec(string Name, string AccessorName, string? Description);
