namespace Maap.Algorithms;

/// <summary>One registered parameter of an algorithm, as MAAP describes it.</summary>
/// <param name="Name">The parameter name (WPS input identifier).</param>
/// <param name="Title">The parameter title, if MAAP sent one.</param>
/// <param name="DataType">The declared data type reference, for example <c>xs:string</c>, if MAAP sent one.</param>
public sealed record AlgorithmParameter(string Name, string? Title, string? DataType);
