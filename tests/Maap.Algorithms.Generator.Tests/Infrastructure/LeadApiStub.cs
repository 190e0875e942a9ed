namespace Maap.Algorithms.Generator.Tests.Infrastructure;

/// <summary>
/// The client surface generated code calls, as the lead specified it, compiled into a separate in-memory
/// assembly only for the types the referenced Maap.Algorithms.dll does not have yet. Once main carries
/// a type, the real one is used and this text for it is ignored.
/// </summary>
internal static class LeadApiStub
{
    public static readonly (string TypeName, string Source)[] Types =
    {
        ("Maap.Algorithms.MaapClient", """
            namespace Maap.Algorithms
            {
                public class MaapClient
                {
                    public MaapClient(MaapClientOptions? options = null) { }
                    public virtual MaapJobsClient Jobs => throw null!;
                    public virtual MaapSecretsClient Secrets => throw null!;
                }
            }
            """),
        ("Maap.Algorithms.MaapClientOptions", """
            namespace Maap.Algorithms { public sealed class MaapClientOptions { public string? Host { get; set; } } }
            """),
        ("Maap.Algorithms.MaapSecretsClient", """
            namespace Maap.Algorithms
            {
                public class MaapSecretsClient
                {
                    public virtual System.Threading.Tasks.Task<string> GetAsync(string name, System.Threading.CancellationToken cancellationToken = default) => throw null!;
                }
            }
            """),
        ("Maap.Algorithms.MaapJobsClient", """
            namespace Maap.Algorithms
            {
                public class MaapJobsClient
                {
                    public virtual System.Threading.Tasks.Task<MaapJob> SubmitAsync(JobRequest request, System.Threading.CancellationToken cancellationToken = default) => throw null!;
                    public virtual MaapJob Get(string jobId) => throw null!;
                    public virtual MaapAsyncPageable<JobListItem> ListAsync(JobListQuery? query = null, System.Threading.CancellationToken cancellationToken = default) => throw null!;
                }
            }
            """),
        ("Maap.Algorithms.MaapJob", """
            namespace Maap.Algorithms
            {
                public class MaapJob
                {
                    protected MaapJob(MaapJob job) { Id = job.Id; }
                    public string Id { get; }
                }
            }
            """),
        ("Maap.Algorithms.MaapAsyncPageable`1", """
            namespace Maap.Algorithms
            {
                public abstract class MaapAsyncPageable<T> : System.Collections.Generic.IAsyncEnumerable<T>
                {
                    public abstract System.Collections.Generic.IAsyncEnumerator<T> GetAsyncEnumerator(System.Threading.CancellationToken cancellationToken = default);
                }
            }
            """),
        ("Maap.Algorithms.JobListItem", """
            namespace Maap.Algorithms { public sealed record JobListItem(string Id); }
            """),
        ("Maap.Algorithms.JobListQuery", """
            namespace Maap.Algorithms
            {
                public sealed record JobListQuery
                {
                    public string? AlgorithmId { get; init; }
                    public string? Version { get; init; }
                    public string? Tag { get; init; }
                }
            }
            """),
        ("Maap.Algorithms.AlgorithmRegistration", """
            namespace Maap.Algorithms
            {
                public sealed class AlgorithmRegistration
                {
                    public AlgorithmRegistration(string algorithmName, string algorithmVersion, string repositoryUrl, string runCommand) { }
                    public string? AlgorithmDescription { get; init; }
                    public string? DockerContainerUrl { get; init; }
                    public string? BuildCommand { get; init; }
                    public string? DiskSpace { get; init; }
                    public string? Queue { get; init; }
                    public AlgorithmInputs Inputs { get; init; } = new AlgorithmInputs();
                    public string ToYaml() => throw null!;
                }
            }
            """),
        ("Maap.Algorithms.AlgorithmInputs", """
            namespace Maap.Algorithms
            {
                public sealed class AlgorithmInputs
                {
                    public System.Collections.Generic.IList<AlgorithmInputDefinition> File { get; } = new System.Collections.Generic.List<AlgorithmInputDefinition>();
                    public System.Collections.Generic.IList<AlgorithmInputDefinition> Config { get; } = new System.Collections.Generic.List<AlgorithmInputDefinition>();
                    public System.Collections.Generic.IList<AlgorithmInputDefinition> Positional { get; } = new System.Collections.Generic.List<AlgorithmInputDefinition>();
                }
            }
            """),
        ("Maap.Algorithms.AlgorithmInputDefinition", """
            namespace Maap.Algorithms
            {
                public sealed class AlgorithmInputDefinition
                {
                    public AlgorithmInputDefinition(string name) { }
                    public string? Default { get; init; }
                    public string? Description { get; init; }
                    public bool Required { get; init; }
                    public string? DataType { get; init; }
                }
            }
            """),
    };
}
