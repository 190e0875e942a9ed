using System.Text.Json.Nodes;

namespace Maap.Dps.Emulator.Jobs;

/// <summary>A job to submit, as every protocol can say it: which algorithm, its inputs, where to run it, how to tag it.</summary>
/// <param name="AlgorithmName">The registered algorithm's name.</param>
/// <param name="AlgorithmVersion">The registered algorithm's version.</param>
/// <param name="Inputs">
/// The supplied inputs by name, any JSON value. Names the algorithm does not declare are dropped, as MAAP drops them.
/// </param>
/// <param name="Queue">The queue to run on; null or empty when the caller named none (MAAP then refuses).</param>
internal sealed record JobSubmitRequest(string AlgorithmName, string AlgorithmVersion, IReadOnlyDictionary<string, JsonNode?> Inputs, string? Queue)
{
    /// <summary>The job's tags; the first is its tag. Null gives MAAP's default.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>
    /// Whether the caller asked HySDS to deduplicate. MAAP only forwards it; the emulator never finds a duplicate, so
    /// it changes nothing (kept so every protocol can pass it on).
    /// </summary>
    public bool Dedup { get; init; }
}
