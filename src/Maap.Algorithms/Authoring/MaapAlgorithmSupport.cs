using System.ComponentModel;

namespace Maap.Algorithms;

/// <summary>
/// The shared bodies of generated algorithm members. Generated code calls these instead of repeating them in
/// every record, which keeps the generated source (parsed by the compiler for each record) small.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MaapAlgorithmSupport
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the input when a required value is null.</summary>
    /// <param name="value">The value.</param>
    /// <param name="inputName">The registered input name.</param>
    /// <param name="parameterName">The record parameter.</param>
    public static void Require(object? value, string inputName, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentException($"Input '{inputName}' ({parameterName}) is required.", parameterName);
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the input when an enum value names no member (<c>(Mode)5</c>)
    /// or, for a <c>[Flags]</c> enum, sets a bit no member covers.
    /// </summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="inputName">The registered input name.</param>
    /// <param name="parameterName">The record parameter.</param>
    public static void RequireDefined<TEnum>(TEnum value, string inputName, string parameterName)
        where TEnum : struct, Enum
    {
        if (!MaapInputValues.IsDefinedEnum(value))
        {
            var flags = typeof(TEnum).IsDefined(typeof(FlagsAttribute), inherit: false);
            throw new ArgumentException(
                $"Input '{inputName}' ({parameterName}) is {value}, which is not a defined {typeof(TEnum).Name} value{(flags ? " or combination of its flags" : string.Empty)}.",
                parameterName);
        }
    }

    /// <summary>The nullable form of <see cref="RequireDefined{TEnum}(TEnum, string, string)"/>: null passes.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="inputName">The registered input name.</param>
    /// <param name="parameterName">The record parameter.</param>
    public static void RequireDefined<TEnum>(TEnum? value, string inputName, string parameterName)
        where TEnum : struct, Enum
    {
        if (value.HasValue)
        {
            RequireDefined(value.Value, inputName, parameterName);
        }
    }

    /// <summary>The list form of <see cref="RequireDefined{TEnum}(TEnum, string, string)"/>: every item must be defined; null passes.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="values">The values.</param>
    /// <param name="inputName">The registered input name.</param>
    /// <param name="parameterName">The record parameter.</param>
    public static void RequireDefinedItems<TEnum>(IEnumerable<TEnum>? values, string inputName, string parameterName)
        where TEnum : struct, Enum
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            RequireDefined(value, inputName, parameterName);
        }
    }

    /// <summary>Builds and validates the request for an algorithm whose inputs are already validated.</summary>
    /// <typeparam name="TAlgorithm">The algorithm record.</typeparam>
    /// <param name="algorithm">The input values.</param>
    /// <param name="algorithmId">The registered name.</param>
    /// <param name="version">The registered version.</param>
    /// <param name="queue">The queue, or null when neither the caller nor the record names one (validation then fails).</param>
    /// <param name="tag">The job tag.</param>
    /// <param name="writeInputs">The generated input writer.</param>
    /// <returns>The validated request.</returns>
    public static JobRequest CreateRequest<TAlgorithm>(TAlgorithm algorithm, string algorithmId, string version, string? queue, string? tag, Action<TAlgorithm, JobRequest> writeInputs) =>
        CreateRequest(algorithm, algorithmId, version, queue, tag, deployer: null, writeInputs);

    /// <summary>Builds and validates the request for an algorithm whose inputs are already validated.</summary>
    /// <typeparam name="TAlgorithm">The algorithm record.</typeparam>
    /// <param name="algorithm">The input values.</param>
    /// <param name="algorithmId">The registered name.</param>
    /// <param name="version">The registered version.</param>
    /// <param name="queue">The queue, or null when neither the caller nor the record names one (validation then fails).</param>
    /// <param name="tag">The job tag.</param>
    /// <param name="deployer">The deployer of the OGC process, or null (<see cref="JobRequest.Deployer"/>).</param>
    /// <param name="writeInputs">The generated input writer.</param>
    /// <returns>The validated request.</returns>
    public static JobRequest CreateRequest<TAlgorithm>(TAlgorithm algorithm, string algorithmId, string version, string? queue, string? tag, string? deployer, Action<TAlgorithm, JobRequest> writeInputs)
    {
        ArgumentNullException.ThrowIfNull(writeInputs);
        if (string.IsNullOrWhiteSpace(queue))
        {
            // Name the two places a queue can come from: the caller, or the record's own attribute.
            throw new ArgumentException(
                $"No queue for {typeof(TAlgorithm).Name}: pass queue: to SubmitAsync, or set [MaapAlgorithm(Queue = \"…\")] on the record. MAAP rejects a submission without one; maap.Algorithms.ListQueuesAsync() lists yours.",
                nameof(queue));
        }

        var request = new JobRequest(algorithmId, version, queue) { Tag = tag, Deployer = deployer };
        writeInputs(algorithm, request);
        request.Validate();
        return request;
    }

    /// <summary>Submits a request and wraps the runtime job handle in the record's typed one.</summary>
    /// <typeparam name="TJob">The record's nested job type.</typeparam>
    /// <param name="client">The MAAP client.</param>
    /// <param name="request">A validated request.</param>
    /// <param name="wrap">Creates the typed handle.</param>
    /// <param name="cancellationToken">Cancels the submission request.</param>
    /// <returns>The typed job handle.</returns>
    public static Task<TJob> SubmitAsync<TJob>(MaapClient client, JobRequest request, Func<MaapJob, TJob> wrap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(wrap);
        return SubmitCoreAsync(client, request, wrap, cancellationToken);
    }

    /// <summary>Lists the caller's jobs of one algorithm version.</summary>
    /// <param name="client">The MAAP client.</param>
    /// <param name="algorithmId">The registered name.</param>
    /// <param name="version">The registered version.</param>
    /// <param name="query">Further filters; algorithm and version are replaced.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The jobs, page by page.</returns>
    public static MaapAsyncPageable<JobListItem> ListJobs(MaapClient client, string algorithmId, string version, JobListQuery? query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Jobs.ListAsync((query ?? new JobListQuery()) with { AlgorithmId = algorithmId, Version = version }, cancellationToken);
    }

    /// <summary>Attaches a typed handle to an existing job.</summary>
    /// <typeparam name="TJob">The record's nested job type.</typeparam>
    /// <param name="client">The MAAP client.</param>
    /// <param name="id">The job id.</param>
    /// <param name="wrap">Creates the typed handle.</param>
    /// <returns>The typed job handle.</returns>
    public static TJob Attach<TJob>(MaapClient client, string id, Func<MaapJob, TJob> wrap)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(wrap);
        return wrap(client.Jobs.Get(id));
    }

    private static async Task<TJob> SubmitCoreAsync<TJob>(MaapClient client, JobRequest request, Func<MaapJob, TJob> wrap, CancellationToken cancellationToken) =>
        wrap(await client.Jobs.SubmitAsync(request, cancellationToken).ConfigureAwait(false));
}
