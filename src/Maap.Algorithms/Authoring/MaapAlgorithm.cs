namespace Maap.Algorithms;

/// <summary>Generic operations over any generated algorithm record, with no reflection.</summary>
public static class MaapAlgorithm
{
    /// <summary>Validates <paramref name="algorithm"/> and builds the job request for it.</summary>
    /// <typeparam name="TAlgorithm">A <see cref="MaapAlgorithmAttribute"/> record.</typeparam>
    /// <param name="algorithm">The input values.</param>
    /// <param name="queue">The queue; null uses the record's declared queue.</param>
    /// <param name="tag">The job tag; null lets MAAP choose.</param>
    /// <returns>A validated request.</returns>
    /// <exception cref="ArgumentException">A value rule is broken, or no queue is known.</exception>
    public static JobRequest CreateRequest<TAlgorithm>(TAlgorithm algorithm, string? queue = null, string? tag = null)
        where TAlgorithm : IMaapAlgorithm<TAlgorithm>
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        algorithm.Validate();
        var request = new JobRequest(TAlgorithm.AlgorithmId, TAlgorithm.AlgorithmVersion, queue ?? TAlgorithm.DefaultQueue ?? string.Empty) { Tag = tag, Deployer = TAlgorithm.Deployer };
        TAlgorithm.WriteInputs(algorithm, request);
        request.Validate();
        return request;
    }

    /// <summary>The WPS job type of the algorithm, <c>job-{id}:{version}</c> (an OGC process is found by its process id instead).</summary>
    /// <typeparam name="TAlgorithm">A <see cref="MaapAlgorithmAttribute"/> record.</typeparam>
    /// <returns>The job type.</returns>
    public static string JobType<TAlgorithm>()
        where TAlgorithm : IMaapAlgorithm<TAlgorithm>
        => HysdsJobTypes.Format(TAlgorithm.AlgorithmId, TAlgorithm.AlgorithmVersion);
}
