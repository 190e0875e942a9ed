using Maap.Dps.Emulator.Store;

namespace Maap.Dps.Emulator.Processes;

/// <summary>A process row with its CWL read, and the HySDS names MAAP derives from it (<c>maap-ogc-spec.md</c> §5).</summary>
internal sealed record OgcProcess(OgcProcessRow Row, ProcessCwl Cwl, int DeployerMemberId)
{
    public int ProcessId => Row.ProcessId;

    public bool IsDeployed => Row.Status == ProcessStatus.Deployed;

    /// <summary><c>{id}_{deployerMemberId}</c>, MAAP's <c>PROCESS_NAME_HYSDS</c> and the emulator's algorithm name.</summary>
    public string HysdsName => HysdsNameOf(Row.Id, DeployerMemberId);

    /// <summary><c>job-{id}_{deployerMemberId}:{version}</c>.</summary>
    public string JobType => $"job-{HysdsName}:{Row.Version}";

    public static string HysdsNameOf(string id, int memberId) => id + "_" + memberId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The values of MAAP's <c>process.status</c> and <c>deployment.status</c> columns.</summary>
internal static class ProcessStatus
{
    public const string Deployed = "deployed";
    public const string Undeployed = "undeployed";
    public const string Accepted = "accepted";
    public const string Running = "running";
    public const string Successful = "successful";
    public const string Failed = "failed";
}
