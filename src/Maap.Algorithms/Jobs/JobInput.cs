namespace Maap.Algorithms;

/// <summary>One algorithm input of a job submission: a registered parameter name and its value as text.</summary>
/// <param name="Name">The parameter name the algorithm registered, for example <c>input_file</c>.</param>
/// <param name="Value">
/// The value as MAAP receives it. MAAP parses it as JSON when it can (<c>10</c>, <c>true</c>, <c>["a","b"]</c>)
/// and keeps the raw text otherwise.
/// </param>
public sealed record JobInput(string Name, string Value);
