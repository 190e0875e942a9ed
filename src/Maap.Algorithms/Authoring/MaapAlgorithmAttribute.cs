namespace Maap.Algorithms;

/// <summary>
/// Declares a <c>partial record</c> as the typed contract of one registered MAAP algorithm. The
/// Maap.Algorithms source generator adds submission, validation, registration and in-job binding
/// to the record; the record's primary-constructor parameters are the algorithm inputs.
/// </summary>
/// <example>
/// <code>
/// [MaapAlgorithm("run-dps-test_ubuntu", "delay10", Queue = "maap-dps-worker-8gb")]
/// public partial record RunDpsTest([FileInput] Uri InputFile);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class MaapAlgorithmAttribute : Attribute
{
    /// <summary>Declares the algorithm.</summary>
    /// <param name="algorithmId">The registered algorithm name (MAAP <c>algorithm_name</c>), for example <c>run-dps-test_ubuntu</c>.</param>
    /// <param name="version">The registered version (MAAP <c>algorithm_version</c>, a git branch or tag), for example <c>delay10</c>.</param>
    public MaapAlgorithmAttribute(string algorithmId, string version)
    {
        AlgorithmId = algorithmId;
        Version = version;
    }

    /// <summary>The registered algorithm name.</summary>
    public string AlgorithmId { get; }

    /// <summary>The registered version.</summary>
    public string Version { get; }

    /// <summary>The queue jobs run on when the caller names none, and the queue registered with the algorithm.</summary>
    public string? Queue { get; set; }

    /// <summary>The algorithm description (<c>algorithm_description</c>).</summary>
    public string? Description { get; set; }

    /// <summary>The command DPS runs, relative to the repository root's parent (<c>run_command</c>), for example <c>dps_tutorial/gdal_wrapper/run_gdal.sh</c>.</summary>
    public string? RunCommand { get; set; }

    /// <summary>The git repository DPS builds the image from (<c>repository_url</c>); MAAP requires it to end in <c>.git</c>.</summary>
    public string? RepositoryUrl { get; set; }

    /// <summary>The base image (<c>docker_container_url</c>).</summary>
    public string? ContainerUrl { get; set; }

    /// <summary>The disk space the job needs (<c>disk_space</c>), for example <c>5GB</c>.</summary>
    public string? DiskSpace { get; set; }

    /// <summary>The script run while the image is built (<c>build_command</c>).</summary>
    public string? BuildCommand { get; set; }

    /// <summary>
    /// The image that runs the algorithm as an OGC process (the CWL tool's <c>DockerRequirement.dockerPull</c>), for
    /// example <c>ghcr.io/org/algo:1.0</c>. Unlike <see cref="ContainerUrl"/> (the base image DPS builds on), this is the
    /// finished image; the generated <c>ToCwl()</c> needs it and <see cref="RunCommand"/>.
    /// </summary>
    public string? ContainerImage { get; set; }

    /// <summary>The author named in the OGC process CWL (<c>s:author</c>); MAAP shows its first word as the process author.</summary>
    public string? Author { get; set; }

    /// <summary>The keywords of the OGC process CWL (<c>s:keywords</c>), one comma-separated list, for example <c>ogc, sar</c>.</summary>
    public string? Keywords { get; set; }

    /// <summary>
    /// The git commit the OGC process image was built from (the CWL's <c>s:commitHash</c>, which MAAP shows as the
    /// process's <c>gitCommitHash</c>); null leaves the line out.
    /// </summary>
    public string? CommitHash { get; set; }

    /// <summary>
    /// The MAAP user who deployed the OGC process. Several users can deploy the same id and version, each as its own
    /// process, so the client needs the deployer to find this algorithm's process id; null lets it take the only one.
    /// </summary>
    public string? Deployer { get; set; }

    /// <summary>The memory the OGC process needs, in MiB (the CWL <c>ResourceRequirement.ramMin</c>); 0 leaves it out.</summary>
    public int MemoryMiB { get; set; }

    /// <summary>The cores the OGC process needs (the CWL <c>ResourceRequirement.coresMin</c>); 0 leaves it out.</summary>
    public int Cores { get; set; }

    /// <summary>The output disk the OGC process needs, in GiB (the CWL <c>ResourceRequirement.outdirMax</c>, which MAAP reads as GB); 0 leaves it out.</summary>
    public int DiskGiB { get; set; }
}
