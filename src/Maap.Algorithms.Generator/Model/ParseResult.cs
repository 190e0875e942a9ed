namespace Maap.Algorithms.Generator.Model;

/// <summary>What the parser found for one record: a spec to emit (null when an error stops emission) and its diagnostics.</summary>
internal sealed record ParseResult(AlgorithmSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
