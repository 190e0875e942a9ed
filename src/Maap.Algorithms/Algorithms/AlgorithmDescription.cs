namespace Maap.Algorithms;

/// <summary>A registered algorithm as MAAP describes it (WPS <c>ProcessOfferings</c>).</summary>
public sealed class AlgorithmDescription
{
    /// <summary>Creates a description.</summary>
    /// <param name="identifier">The WPS process identifier, usually <c>{name}:{version}</c>.</param>
    /// <param name="title">The process title (the registration's description), if any.</param>
    /// <param name="inputs">The registered parameters, in registration order, without the synthetic <c>queue_name</c>.</param>
    /// <param name="recommendedQueue">The queue the algorithm was registered for (the <c>queue_name</c> input), if any.</param>
    public AlgorithmDescription(string identifier, string? title, IReadOnlyList<AlgorithmParameter> inputs, string? recommendedQueue)
    {
        Identifier = identifier ?? throw new ArgumentNullException(nameof(identifier));
        Title = title;
        Inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
        RecommendedQueue = recommendedQueue;
    }

    /// <summary>The WPS process identifier, usually <c>{name}:{version}</c>.</summary>
    public string Identifier { get; }

    /// <summary>The process title, if any.</summary>
    public string? Title { get; }

    /// <summary>The registered parameters in registration order.</summary>
    public IReadOnlyList<AlgorithmParameter> Inputs { get; }

    /// <summary>The queue the algorithm was registered for.</summary>
    public string? RecommendedQueue { get; }

    /// <inheritdoc/>
    public override string ToString() => Identifier;
}
