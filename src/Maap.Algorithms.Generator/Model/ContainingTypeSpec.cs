namespace Maap.Algorithms.Generator.Model;

/// <summary>A type the record is nested in, re-declared as <c>partial</c> around the generated code.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string NameWithTypeParameters);
