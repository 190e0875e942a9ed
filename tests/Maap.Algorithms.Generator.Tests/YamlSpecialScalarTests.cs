using Maap.Algorithms.Generator.Tests.Infrastructure;

namespace Maap.Algorithms.Generator.Tests;

/// <summary>Scalars PyYAML would resolve to a special tag rather than text: the merge key and the value key.</summary>
public sealed class YamlSpecialScalarTests
{
    [Fact]
    public void Merge_and_value_keys_are_quoted_in_the_registration()
    {
        const string source = """
            using Maap.Algorithms;

            namespace Science
            {
                [MaapAlgorithm("yaml-special", "1", Queue = "q", RepositoryUrl = "https://example.org/r.git", RunCommand = "run.sh")]
                public partial record YamlSpecial(string Merge = "<<", string Value = "=", string Plain = "<<a", string Equals2 = "==");
            }
            """;

        var yaml = ((string)CompiledAlgorithms.Load(source).Call("Science.YamlSpecial", "ToAlgorithmConfigYaml")!);

        Assert.Contains("{default: '<<', description: '', name: merge, required: false}", yaml, StringComparison.Ordinal);
        Assert.Contains("{default: '=', description: '', name: value, required: false}", yaml, StringComparison.Ordinal);
        Assert.Contains("{default: <<a, description: '', name: plain, required: false}", yaml, StringComparison.Ordinal);
        Assert.Contains("{default: ==, description: '', name: equals2, required: false}", yaml, StringComparison.Ordinal);
    }
}
