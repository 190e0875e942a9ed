namespace Maap.Dps.Emulator.Jobs;

/// <summary>
/// The deployed OGC processes, as the job routes need them: which process a job type belongs to, and which job type a
/// processID selects. A job is an OGC process job when its type is <c>job-{id}_{deployerMemberId}:{version}</c> of a
/// deployed process (<c>maap-ogc-spec.md</c> §5); every other job (WPS algorithms, undeployed processes) has none.
/// </summary>
internal interface IProcessDirectory
{
    /// <summary>The deployed process whose job type is <paramref name="jobType"/>, or null.</summary>
    OgcProcessSummary? TryGetProcess(string jobType);

    /// <summary>The job type of the deployed process <paramref name="processId"/>, or null when none is deployed with it.</summary>
    string? JobTypeOf(int processId);
}
