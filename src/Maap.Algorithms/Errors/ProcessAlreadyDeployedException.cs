using System.Net;

namespace Maap.Algorithms;

/// <summary>
/// The deploying member already deployed this process id and version (MAAP's 409 <c>duplicated-process</c>). Replace
/// it with <c>maap.Processes.ReplaceAsync(ex.ProcessId, …)</c>, or undeploy it first.
/// </summary>
public sealed class ProcessAlreadyDeployedException : MaapRequestFailedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="processId">The processID of the process already deployed.</param>
    /// <param name="errorCode">MAAP's error type.</param>
    /// <param name="serverMessage">MAAP's message.</param>
    /// <param name="bodyExcerpt">The start of the response body.</param>
    public ProcessAlreadyDeployedException(string processId, string? errorCode, string? serverMessage, string? bodyExcerpt)
        : base(HttpStatusCode.Conflict, errorCode, serverMessage, bodyExcerpt)
    {
        ProcessId = processId;
    }

    /// <summary>The processID of the process already deployed.</summary>
    public string ProcessId { get; }
}
