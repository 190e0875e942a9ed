namespace Maap.Algorithms;

/// <summary>
/// The contract the generator implements on every <see cref="MaapAlgorithmAttribute"/> record when
/// the project compiles at C# 11 or later, so generic code works on any algorithm without reflection
/// (see <see cref="MaapAlgorithm"/>).
/// </summary>
/// <typeparam name="TSelf">The record itself.</typeparam>
public interface IMaapAlgorithm<TSelf>
    where TSelf : IMaapAlgorithm<TSelf>
{
    /// <summary>The registered algorithm name.</summary>
    static abstract string AlgorithmId { get; }

    /// <summary>The registered algorithm version.</summary>
    static abstract string AlgorithmVersion { get; }

    /// <summary>The queue declared on the record, or null when it declares none.</summary>
    static abstract string? DefaultQueue { get; }

    /// <summary>
    /// The MAAP user who deployed the algorithm's OGC process (<see cref="MaapAlgorithmAttribute.Deployer"/>), or null.
    /// Virtual with a null default, so types written against the interface before it existed still compile.
    /// </summary>
    static virtual string? Deployer => null;

    /// <summary>The inputs, in declaration order.</summary>
    static abstract IReadOnlyList<MaapInputMetadata> InputMetadata { get; }

    /// <summary>Appends the inputs of <paramref name="algorithm"/> to <paramref name="request"/>, formatted as MAAP receives them; null optional inputs are left out.</summary>
    /// <param name="algorithm">The input values.</param>
    /// <param name="request">The request to fill.</param>
    static abstract void WriteInputs(TSelf algorithm, JobRequest request);

    /// <summary>Reads the inputs back inside a running DPS job.</summary>
    /// <param name="context">The job's work directory and arguments.</param>
    /// <returns>The typed inputs.</returns>
    static abstract TSelf FromContext(DpsJobContext context);

    /// <summary>Checks every value rule and throws <see cref="ArgumentException"/> naming the input and the rule.</summary>
    void Validate();
}
