using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Maap.Cli.Commands;

/// <summary>Reads an <c>algorithm_config.yaml</c> (the key names MAAP's server reads, spec §12.1) into a registration.</summary>
internal static class AlgorithmConfigReader
{
    public static AlgorithmRegistration Read(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new ArgumentException($"The algorithm config is not valid YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ArgumentException("The algorithm config must be a YAML mapping.");
        }

        string? Text(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

        string Required(string key) => Text(root, key) ?? throw new ArgumentException($"The algorithm config has no '{key}'. (MAAP reads algorithm_name, algorithm_version, repository_url and run_command; maap-py's docstring names like code_version are ignored by the server.)");

        var inputs = new AlgorithmInputs();
        if (root.Children.TryGetValue(new YamlScalarNode("inputs"), out var inputsNode) && inputsNode is YamlMappingNode groups)
        {
            ReadGroup(groups, "file", inputs.File);
            ReadGroup(groups, "config", inputs.Config);
            ReadGroup(groups, "positional", inputs.Positional);
        }

        return new AlgorithmRegistration(Required("algorithm_name"), Required("algorithm_version"), Required("repository_url"), Required("run_command"))
        {
            AlgorithmDescription = Text(root, "algorithm_description"),
            BuildCommand = Text(root, "build_command"),
            DiskSpace = Text(root, "disk_space"),
            DockerContainerUrl = Text(root, "docker_container_url"),
            Queue = Text(root, "queue"),
            Inputs = inputs,
        };

        void ReadGroup(YamlMappingNode groupsNode, string key, IList<AlgorithmInputDefinition> target)
        {
            if (!groupsNode.Children.TryGetValue(new YamlScalarNode(key), out var group) || group is not YamlSequenceNode items)
            {
                return;
            }

            foreach (var item in items)
            {
                if (item is not YamlMappingNode input || Text(input, "name") is not { } name)
                {
                    throw new ArgumentException($"An input under inputs.{key} has no name.");
                }

                target.Add(new AlgorithmInputDefinition(name)
                {
                    Default = Text(input, "default"),
                    Description = Text(input, "description") ?? string.Empty,
                    Required = string.Equals(Text(input, "required"), "true", StringComparison.OrdinalIgnoreCase),
                    DataType = Text(input, "data_type"),
                });
            }
        }
    }
}
