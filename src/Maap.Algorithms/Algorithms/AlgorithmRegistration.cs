using System.Text;
using System.Text.Json.Serialization;

namespace Maap.Algorithms;

/// <summary>
/// An algorithm registration: the content of <c>algorithm_config.yaml</c> with the key names MAAP's server reads
/// (spec §12.1: <c>algorithm_version</c>, <c>run_command</c>, <c>repository_url</c>, not maap-py's docstring names).
/// </summary>
public sealed class AlgorithmRegistration
{
    /// <summary>Creates a registration.</summary>
    /// <param name="algorithmName">The algorithm name; the job type becomes <c>job-{name}:{version}</c>.</param>
    /// <param name="algorithmVersion">The version, which is also the git ref built.</param>
    /// <param name="repositoryUrl">The git repository (MAAP requires a URL ending in <c>.git</c>).</param>
    /// <param name="runCommand">The command to run, relative to the repository's parent, e.g. <c>repo/run.sh</c>.</param>
    public AlgorithmRegistration(string algorithmName, string algorithmVersion, string repositoryUrl, string runCommand)
    {
        JobRequest.ValidateAlgorithmId(algorithmName, nameof(algorithmName));
        JobRequest.ValidateVersion(algorithmVersion, nameof(algorithmVersion));
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(runCommand);
        AlgorithmName = algorithmName;
        AlgorithmVersion = algorithmVersion;
        RepositoryUrl = repositoryUrl;
        RunCommand = runCommand;
    }

    /// <summary>The algorithm name.</summary>
    [JsonPropertyName("algorithm_name")]
    public string AlgorithmName { get; }

    /// <summary>The algorithm version (git ref).</summary>
    [JsonPropertyName("algorithm_version")]
    public string AlgorithmVersion { get; }

    /// <summary>A description for people (the WPS process title).</summary>
    [JsonPropertyName("algorithm_description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AlgorithmDescription { get; init; }

    /// <summary>The git repository URL.</summary>
    [JsonPropertyName("repository_url")]
    public string RepositoryUrl { get; }

    /// <summary>The command DPS runs.</summary>
    [JsonPropertyName("run_command")]
    public string RunCommand { get; }

    /// <summary>The base container image.</summary>
    [JsonPropertyName("docker_container_url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DockerContainerUrl { get; init; }

    /// <summary>A script run while the image is built.</summary>
    [JsonPropertyName("build_command")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BuildCommand { get; init; }

    /// <summary>Disk space a job needs, like <c>5GB</c>.</summary>
    [JsonPropertyName("disk_space")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DiskSpace { get; init; }

    /// <summary>The recommended queue; it must be one the registering member may use.</summary>
    [JsonPropertyName("queue")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Queue { get; init; }

    /// <summary>The inputs, grouped by delivery.</summary>
    [JsonPropertyName("inputs")]
    public AlgorithmInputs Inputs { get; init; } = new();

    /// <summary>The job type MAAP files jobs of this algorithm under.</summary>
    [JsonIgnore]
    public string JobType => HysdsJobTypes.Format(AlgorithmName, AlgorithmVersion);

    /// <summary>
    /// Returns a copy that builds from another repository, for example a local checkout registered with the emulator
    /// while the declaration names the public repository.
    /// </summary>
    /// <param name="repositoryUrl">The repository URL or local path.</param>
    /// <param name="runCommand">The run command; null keeps this one.</param>
    /// <returns>The copy.</returns>
    public AlgorithmRegistration WithRepository(string repositoryUrl, string? runCommand = null) =>
        new(AlgorithmName, AlgorithmVersion, repositoryUrl, runCommand ?? RunCommand)
        {
            AlgorithmDescription = AlgorithmDescription,
            DockerContainerUrl = DockerContainerUrl,
            BuildCommand = BuildCommand,
            DiskSpace = DiskSpace,
            Queue = Queue,
            Inputs = Inputs,
        };

    /// <summary>
    /// Writes the registration as <c>algorithm_config.yaml</c> in the layout of MAAP's own template: keys sorted,
    /// each input as a flow mapping, scalars quoted only where YAML needs it.
    /// </summary>
    /// <returns>The YAML text.</returns>
    public string ToYaml()
    {
        var yaml = new StringBuilder();
        Key(yaml, "algorithm_description", AlgorithmDescription);
        Key(yaml, "algorithm_name", AlgorithmName);
        Key(yaml, "algorithm_version", AlgorithmVersion);
        Key(yaml, "build_command", BuildCommand);
        Key(yaml, "disk_space", DiskSpace);
        Key(yaml, "docker_container_url", DockerContainerUrl);
        yaml.Append("inputs:\n");
        InputGroup(yaml, "config", Inputs.Config);
        InputGroup(yaml, "file", Inputs.File);
        InputGroup(yaml, "positional", Inputs.Positional);
        Key(yaml, "queue", Queue);
        Key(yaml, "repository_url", RepositoryUrl);
        Key(yaml, "run_command", RunCommand);
        return yaml.ToString();
    }

    private static void Key(StringBuilder yaml, string key, string? value)
    {
        if (value is not null)
        {
            yaml.Append(key).Append(": ").Append(YamlScalar.Format(value, flow: false)).Append('\n');
        }
    }

    private static void InputGroup(StringBuilder yaml, string key, IList<AlgorithmInputDefinition> inputs)
    {
        yaml.Append("  ").Append(key).Append(':');
        if (inputs.Count == 0)
        {
            yaml.Append(" []\n");
            return;
        }

        yaml.Append('\n');
        foreach (var input in inputs)
        {
            yaml.Append("  - {");
            if (input.DataType is not null)
            {
                yaml.Append("data_type: ").Append(YamlScalar.Format(input.DataType, flow: true)).Append(", ");
            }

            if (input.Default is not null)
            {
                yaml.Append("default: ").Append(YamlScalar.Format(input.Default, flow: true)).Append(", ");
            }

            yaml.Append("description: ").Append(YamlScalar.Format(input.Description, flow: true))
                .Append(", name: ").Append(YamlScalar.Format(input.Name, flow: true))
                .Append(", required: ").Append(input.Required ? "true" : "false")
                .Append("}\n");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => JobType;
}
