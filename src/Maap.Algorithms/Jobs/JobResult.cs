namespace Maap.Algorithms;

/// <summary>What a job produced: its published products and, for a failed job, the traceback.</summary>
public sealed class JobResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="outputs">The published products (never the traceback).</param>
    /// <param name="traceback">The traceback MAAP attached to a failed job, or null.</param>
    public JobResult(string jobId, IReadOnlyList<JobOutput> outputs, string? traceback)
    {
        JobId = jobId ?? throw new ArgumentNullException(nameof(jobId));
        Outputs = outputs ?? throw new ArgumentNullException(nameof(outputs));
        Traceback = traceback;
    }

    /// <summary>The job id.</summary>
    public string JobId { get; }

    /// <summary>
    /// The published products. Empty while the job is running, and when MAAP answered with no product list at all.
    /// </summary>
    public IReadOnlyList<JobOutput> Outputs { get; }

    /// <summary>The last lines of the failed algorithm's standard error, as MAAP reports them; null for a job that did not fail.</summary>
    public string? Traceback { get; }

    /// <summary>True when MAAP attached a traceback, which it does only for failed jobs.</summary>
    public bool HasFailed => Traceback is not null;

    /// <summary>
    /// The http URL of the failed job's whole standard error (<c>_stderr.txt</c> in its <c>triaged_job-…</c> dataset), when
    /// <see cref="Traceback"/>'s last lines are not enough; null when the job published no triage dataset with an http URL.
    /// </summary>
    public string? StderrUrl => TriageFileUrl("_stderr.txt");

    private string? TriageFileUrl(string fileName)
    {
        foreach (var output in Outputs)
        {
            if (output.Id.StartsWith("triaged_job-", StringComparison.Ordinal) && output.HttpUrl is { } folder)
            {
                return folder.TrimEnd('/') + "/" + fileName;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{JobId}: {Outputs.Count} output(s){(HasFailed ? ", failed" : string.Empty)}";
}
