using CsCheck;
using YamlDotNet.RepresentationModel;

namespace Maap.Algorithms.Tests.Algorithms;

/// <summary>
/// <c>ToYaml()</c> checked by a real YAML parser (YamlDotNet) on random registrations: every value it writes must read
/// back as the same string, whatever YAML would otherwise make of it (booleans, nulls, numbers, merge keys, comments,
/// flow indicators, line breaks).
/// </summary>
public sealed class AlgorithmConfigYamlRoundTripTests
{
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Char[" \t\n:#-'\"{}[],&*!|>%@`?<=~.\\/aZz09é中\u00a0"].Array[0, 12].Select(chars => new string(chars)),
        Gen.OneOf("true", "False", "null", "~", "1.5", "-7", "0x1F", "1e3", "yes", "NO", "<<", "- x", "a: b", "#c", "2024-01-01", "", " lead", "trail "));

    private static readonly Gen<AlgorithmInputDefinition> Input = Gen.Select(Text, Gen.Bool, Text.Null(), Gen.OneOf<string?>(null, "number", "boolean", "date"),
        (description, required, defaultValue, dataType) => new AlgorithmInputDefinition("in_" + Math.Abs(description.GetHashCode() % 1000))
        {
            Description = description,
            Required = required,
            Default = defaultValue,
            DataType = dataType,
        });

    private static readonly Gen<AlgorithmRegistration> Registration = Gen.Select(
        Gen.Select(Text.Null(), Text.Null(), Text.Null(), Text.Null()),
        Gen.Select(Input.List[0, 3], Input.List[0, 3], Input.List[0, 3]),
        Text.Where(t => !string.IsNullOrWhiteSpace(t)),
        ((string? Description, string? Build, string? Disk, string? Queue) texts, (List<AlgorithmInputDefinition> Config, List<AlgorithmInputDefinition> File, List<AlgorithmInputDefinition> Positional) inputs, string runCommand) =>
        {
            var registration = new AlgorithmRegistration("algo", "v1", "https://example.org/repo.git", runCommand)
            {
                AlgorithmDescription = texts.Description,
                BuildCommand = texts.Build,
                DiskSpace = texts.Disk,
                Queue = texts.Queue,
            };
            inputs.Config.ForEach(registration.Inputs.Config.Add);
            inputs.File.ForEach(registration.Inputs.File.Add);
            inputs.Positional.ForEach(registration.Inputs.Positional.Add);
            return registration;
        });

    [Fact]
    public void Every_value_ToYaml_writes_reads_back_unchanged_with_YamlDotNet()
    {
        Registration.Sample(registration =>
        {
            var yaml = registration.ToYaml();
            var root = Parse(yaml);

            Assert.Equal(registration.AlgorithmName, Scalar(root, "algorithm_name"));
            Assert.Equal(registration.AlgorithmVersion, Scalar(root, "algorithm_version"));
            Assert.Equal(registration.RunCommand, Scalar(root, "run_command"));
            Assert.Equal(registration.RepositoryUrl, Scalar(root, "repository_url"));
            Assert.Equal(registration.AlgorithmDescription, Scalar(root, "algorithm_description"));
            Assert.Equal(registration.BuildCommand, Scalar(root, "build_command"));
            Assert.Equal(registration.DiskSpace, Scalar(root, "disk_space"));
            Assert.Equal(registration.Queue, Scalar(root, "queue"));
            var inputs = (YamlMappingNode)root.Children[new YamlScalarNode("inputs")];
            AssertGroup(registration.Inputs.Config, inputs, "config");
            AssertGroup(registration.Inputs.File, inputs, "file");
            AssertGroup(registration.Inputs.Positional, inputs, "positional");
        }, iter: 2_000, threads: 1, print: r => r.ToYaml());
    }

    private static void AssertGroup(IList<AlgorithmInputDefinition> expected, YamlMappingNode inputs, string group)
    {
        var items = ((YamlSequenceNode)inputs.Children[new YamlScalarNode(group)]).Children.Cast<YamlMappingNode>().ToList();
        Assert.Equal(expected.Count, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            Assert.Equal(expected[i].Name, Scalar(items[i], "name"));
            Assert.Equal(expected[i].Description, Scalar(items[i], "description"));
            Assert.Equal(expected[i].Default, Scalar(items[i], "default"));
            Assert.Equal(expected[i].DataType, Scalar(items[i], "data_type"));
            Assert.Equal(expected[i].Required ? "true" : "false", Scalar(items[i], "required"));
            Assert.Equal(YamlDotNet.Core.ScalarStyle.Plain, ((YamlScalarNode)items[i].Children[new YamlScalarNode("required")]).Style);
        }
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    /// <summary>The string a key's value reads as; null when the key is absent.</summary>
    private static string? Scalar(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }

        var scalar = Assert.IsType<YamlScalarNode>(node);
        // A plain scalar that YAML's core schema reads as null, a boolean or a number is not the string it looks like.
        if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && key is not "required")
        {
            Assert.DoesNotMatch(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|<<)?$", scalar.Value!);
        }

        return scalar.Value;
    }
}
