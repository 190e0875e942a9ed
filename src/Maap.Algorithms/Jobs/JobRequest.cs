using System.Text.RegularExpressions;

namespace Maap.Algorithms;

/// <summary>
/// Everything MAAP needs to start one DPS job, whichever API carries it. <see cref="Validate"/> runs before any
/// request, so a request MAAP would refuse fails fast with an <see cref="ArgumentException"/>; the protocol that
/// writes the request checks its own wire rules (characters, in-band names), also before any request.
/// </summary>
public sealed partial class JobRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="algorithmId">The registered algorithm name, for example <c>run-dps-test_ubuntu</c>.</param>
    /// <param name="version">The registered algorithm version, for example <c>delay10</c>.</param>
    /// <param name="queue">The queue to run on. MAAP requires it (spec §3: an empty queue always fails).</param>
    public JobRequest(string algorithmId, string version, string queue)
    {
        AlgorithmId = algorithmId;
        Version = version;
        Queue = queue;
    }

    /// <summary>The registered algorithm name.</summary>
    public string AlgorithmId { get; }

    /// <summary>The registered algorithm version.</summary>
    public string Version { get; }

    /// <summary>The queue the job runs on, for example <c>maap-dps-worker-8gb</c>.</summary>
    public string Queue { get; }

    /// <summary>
    /// The job tag (WPS <c>identifier</c>). It names the output folder and can be shared by a batch.
    /// A comma separates several tags; the first names the folder. Null lets MAAP use <c>maap-api-submit</c>.
    /// </summary>
    public string? Tag { get; init; }

    /// <summary>Whether MAAP may deduplicate this job against an identical earlier one. Null leaves MAAP's default (off).</summary>
    public bool? Dedup { get; init; }

    /// <summary>
    /// The MAAP user who deployed the OGC process to run, which with the id and version names one process (users can
    /// deploy the same id and version). Null when the algorithm runs over WPS or when only one such process exists.
    /// </summary>
    public string? Deployer { get; init; }

    /// <summary>The algorithm inputs, in the order they are sent.</summary>
    public IList<JobInput> Inputs { get; } = new List<JobInput>();

    /// <summary>Adds a text input and returns this request, for chaining.</summary>
    /// <param name="name">The registered parameter name.</param>
    /// <param name="text">The text the job receives, as written.</param>
    /// <returns>This request.</returns>
    public JobRequest WithInput(string name, string text) => WithInput(JobInput.Text(name, text));

    /// <summary>Adds a JSON input (a number, boolean, list or object) and returns this request, for chaining.</summary>
    /// <param name="name">The registered parameter name.</param>
    /// <param name="json">One JSON value, such as <c>10</c> or <c>[1, 2]</c>.</param>
    /// <returns>This request.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not one JSON value.</exception>
    public JobRequest WithJsonInput(string name, string json) => WithInput(JobInput.Json(name, json));

    /// <summary>Adds an input and returns this request, for chaining.</summary>
    /// <param name="input">The input.</param>
    /// <returns>This request.</returns>
    public JobRequest WithInput(JobInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Inputs.Add(input);
        return this;
    }

    /// <summary>Checks the request against MAAP's rules and throws <see cref="ArgumentException"/> naming the first problem.</summary>
    /// <exception cref="ArgumentException">The request would be refused or mangled by MAAP.</exception>
    public void Validate()
    {
        ValidateAlgorithmId(AlgorithmId, nameof(AlgorithmId));
        ValidateVersion(Version, nameof(Version));
        if (string.IsNullOrWhiteSpace(Queue))
        {
            throw new ArgumentException("A queue is required: MAAP rejects a submission without one. Pick one from maap.Algorithms.ListQueuesAsync().", nameof(Queue));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in Inputs)
        {
            if (input is null)
            {
                throw new ArgumentException("Inputs contains a null entry.", nameof(Inputs));
            }

            if (!seen.Add(input.Name))
            {
                throw new ArgumentException($"Input '{input.Name}' is given twice.", nameof(Inputs));
            }
        }
    }

    /// <summary>
    /// Throws unless <paramref name="algorithmId"/> is a name MAAP accepts: 2–255 characters of letters, digits,
    /// <c>_</c>, <c>-</c> and <c>.</c>. MAAP's build API asks for lower case only, but algorithms registered
    /// through the older route use upper case and dots, and they must stay reachable.
    /// </summary>
    /// <param name="algorithmId">The algorithm name.</param>
    /// <param name="paramName">The parameter name for the exception.</param>
    public static void ValidateAlgorithmId(string? algorithmId, string paramName)
    {
        if (algorithmId is null || !AlgorithmIdPattern().IsMatch(algorithmId))
        {
            throw new ArgumentException($"Algorithm id '{algorithmId}' is not valid: use 2-255 characters of letters, digits, '_', '-' or '.', starting with a letter or digit.", paramName);
        }
    }

    /// <summary>Throws unless <paramref name="version"/> is a version MAAP accepts: <c>^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$</c>.</summary>
    /// <param name="version">The algorithm version.</param>
    /// <param name="paramName">The parameter name for the exception.</param>
    public static void ValidateVersion(string? version, string paramName)
    {
        if (version is null || !VersionPattern().IsMatch(version))
        {
            throw new ArgumentException($"Algorithm version '{version}' is not valid: use 1-128 characters of letters, digits, '.', '_' or '-', not starting with '.' or '-'.", paramName);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{1,254}$", RegexOptions.CultureInvariant)]
    private static partial Regex AlgorithmIdPattern();

    [GeneratedRegex("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
