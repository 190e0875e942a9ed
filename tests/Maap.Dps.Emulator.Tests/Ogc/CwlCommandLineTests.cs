using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Processes;
using Maap.Dps.Emulator.Running;

namespace Maap.Dps.Emulator.Tests.Ogc;

/// <summary>
/// <see cref="CwlCommandLine"/> against cwltool itself: each tool is run by <c>cwltool --no-container</c> with a
/// base command that records its arguments, and the emulator's builder must produce the same words for the same
/// inputs (a staged File is compared by its file name, since cwltool stages it into a folder of its own).
/// </summary>
public sealed class CwlCommandLineTests
{
    /// <summary>The bindings the generated CWL uses (maap-ogc-spec binding contract), in declaration order.</summary>
    private const string ContractTool = """
        inputs:
          name: {type: string, inputBinding: {position: 1, prefix: --name}}
          count: {type: int, inputBinding: {position: 2, prefix: --count}}
          big: {type: long, inputBinding: {position: 3, prefix: --big}}
          ratio: {type: double, inputBinding: {position: 4, prefix: --ratio}}
          verbose: {type: boolean, inputBinding: {position: 5, prefix: --verbose}}
          quiet: {type: boolean, inputBinding: {position: 6, prefix: --quiet}}
          bands:
            type: {type: array, items: int, inputBinding: {prefix: --bands}}
            inputBinding: {position: 7}
          maybe: {type: string?, inputBinding: {position: 8, prefix: --maybe}}
          level: {type: int, default: 3, inputBinding: {position: 9, prefix: --level}}
          data: {type: File, inputBinding: {position: 10, prefix: --data}}
          tags:
            type:
            - 'null'
            - type: array
              items: string
              inputBinding: {prefix: --tags}
            inputBinding: {position: 11}
          config_only: string
        """;

    private const string ContractValues = """
        {"name": "a b", "count": 5, "big": 12345678901234, "ratio": 0.1, "verbose": true, "quiet": false,
         "bands": [1, 2, 3], "data": {"class": "File", "path": "DATA"}, "tags": ["t1", "t 2"], "config_only": "x"}
        """;

    /// <summary>Other binding forms: order by position then id, no position, separate: false, itemSeparator, bare items, negatives.</summary>
    private const string OrderingTool = """
        inputs:
        - id: zeta
          type: string
          inputBinding: {position: 1}
        - id: alpha
          type: string
          inputBinding: {position: 1}
        - id: nopos
          type: string
          inputBinding: {prefix: -n}
        - id: joined
          type: int
          inputBinding: {position: 2, prefix: -j, separate: false}
        - id: csv
          type: string[]
          inputBinding: {position: 3, prefix: --csv, itemSeparator: ","}
        - id: plain
          type: int[]
          inputBinding: {position: 4, prefix: --plain}
        - id: huge
          type: double
          inputBinding: {position: -1, prefix: --huge}
        - id: tiny
          type: float
          inputBinding: {position: 5, prefix: --tiny}
        - id: empty
          type: string[]
          inputBinding: {position: 6, prefix: --empty}
        - id: whole
          type: double
          inputBinding: {position: 7, prefix: --whole}
        - id: fallback
          type: string?
          default: used
          inputBinding: {position: 8, prefix: --fallback}
        - id: floatdefault
          type: double
          default: 2.0
          inputBinding: {position: 9, prefix: --fd}
        """;

    private const string OrderingValues = """
        {"zeta": "z", "alpha": "a", "nopos": "n", "joined": -7, "csv": ["x", "y"], "plain": [1, 2], "huge": 1e20,
         "tiny": 0.00001, "empty": [], "whole": 2.0}
        """;

    /// <summary>A tool's arguments sorted in with its inputs: plain strings, valueFrom with prefix, positions below, at and above the inputs'.</summary>
    private const string ArgumentsTool = """
        arguments:
        - /app/repo/run.dll
        - {valueFrom: second, prefix: --p}
        - {position: 1, valueFrom: one}
        - {position: 2, valueFrom: joined, prefix: -j, separate: false}
        - {position: -1, valueFrom: early}
        - third
        inputs:
          b: {type: string, inputBinding: {position: 1, prefix: --b}}
          a: {type: string, inputBinding: {prefix: --a}}
          c: {type: int, inputBinding: {position: 2}}
          zero: {type: int, inputBinding: {position: 0, prefix: --zero}}
        """;

    private const string ArgumentsValues = """{"a": "x", "b": "y", "c": 3, "zero": 0}""";

    [CwltoolFact]
    public void Arguments_sort_in_with_the_inputs_as_cwltool_sorts_them() => AssertSameAsCwltool(ArgumentsTool, ArgumentsValues);

    [Fact]
    public void Unpositioned_arguments_come_before_every_input_and_only_they_reach_the_code_path()
    {
        var document = YamlToJson.Parse(ArgumentsTool)!;
        var words = CwlCommandLine.Build(ProcessCwlReader.Arguments(document["arguments"]), ProcessCwlReader.NormalisedInputs(document["inputs"]),
            new Dictionary<string, JsonNode?> { ["a"] = "/app/repo/value", ["b"] = "y", ["c"] = 3, ["zero"] = 0 }, _ => "unused",
            word => word.StartsWith("/app/", StringComparison.Ordinal) ? "/copy/" + word[5..] : word);

        Assert.Equal(
            ["early", "/copy/repo/run.dll", "--p", "second", "third", "--a", "/app/repo/value", "--zero", "0", "one", "--b", "y", "-jjoined", "3"],
            words);
    }

    [Theory]
    [InlineData("[$(inputs.a)]")]
    [InlineData("[{valueFrom: '${return 1;}'}]")]
    [InlineData("[{position: 1}]")]
    [InlineData("[{valueFrom: x, shellQuote: false}]")]
    [InlineData("[{valueFrom: x, position: $(1)}]")]
    [InlineData("[{valueFrom: x, prefix: '--p=$(inputs.a)'}]")]
    [InlineData("[7]")]
    [InlineData("x")]
    public void Arguments_the_emulator_cannot_run_as_cwltool_would_are_refused(string arguments)
    {
        var ex = Assert.Throws<ProcessRequestException>(() => ProcessCwlReader.Arguments(YamlToJson.Parse("arguments: " + arguments)!["arguments"]));

        Assert.Equal(400, ex.Status);
        Assert.StartsWith("CWL validation failed: ", ex.Message, StringComparison.Ordinal);
    }

    [CwltoolFact]
    public void The_contract_bindings_give_the_words_cwltool_gives() => AssertSameAsCwltool(ContractTool, ContractValues);

    [CwltoolFact]
    public void Ordering_separators_and_item_forms_give_the_words_cwltool_gives() => AssertSameAsCwltool(OrderingTool, OrderingValues);

    [Fact]
    public void The_contract_bindings_give_self_describing_arguments()
    {
        var words = Build(ContractTool, ContractValues, dataPath: "/work/input/data.txt");

        Assert.Equal(
            ["--name", "a b", "--count", "5", "--big", "12345678901234", "--ratio", "0.1", "--verbose", "--bands", "1", "--bands", "2", "--bands", "3",
             "--level", "3", "--data", "/work/input/data.txt", "--tags", "t1", "--tags", "t 2"],
            words);
    }

    [Fact]
    public void A_null_value_is_absent_and_takes_the_default()
    {
        var inputs = ProcessCwlReader.NormalisedInputs(YamlToJson.Parse("""
            level: {type: int, default: 3, inputBinding: {position: 1, prefix: --level}}
            maybe: {type: string?, inputBinding: {position: 2, prefix: --maybe}}
            """));

        var words = CwlCommandLine.Build(inputs, new Dictionary<string, JsonNode?> { ["level"] = null, ["maybe"] = null }, _ => "unused");

        Assert.Equal(["--level", "3"], words);
    }

    private static List<string> Build(string toolInputs, string values, string dataPath)
    {
        var document = YamlToJson.Parse(toolInputs)!;
        var inputs = ProcessCwlReader.NormalisedInputs(document["inputs"]);
        var given = JsonNode.Parse(values)!.AsObject().ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        return CwlCommandLine.Build(ProcessCwlReader.Arguments(document["arguments"]), inputs, given, _ => dataPath, word => word);
    }

    private static void AssertSameAsCwltool(string toolInputs, string values)
    {
        var dir = Directory.CreateTempSubdirectory("maap-cwl-argv-").FullName;
        try
        {
            var recorded = Path.Combine(dir, "argv.txt");
            var script = Path.Combine(dir, "record-argv.sh");
            File.WriteAllText(script, $"#!/bin/bash\nprintf '%s\\n' \"$@\" > '{recorded}'\n");
            File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
            var data = Path.Combine(dir, "data.txt");
            File.WriteAllText(data, "data\n");
            var tool = Path.Combine(dir, "tool.cwl");
            File.WriteAllText(tool, $"""
                cwlVersion: v1.2
                class: CommandLineTool
                hints:
                  DockerRequirement:
                    dockerPull: ghcr.io/example/tool:1
                baseCommand: {script}
                outputs: {"{}"}
                {toolInputs}
                """);
            var job = Path.Combine(dir, "job.json");
            File.WriteAllText(job, values.Replace("\"DATA\"", "\"" + data + "\"", StringComparison.Ordinal));

            var (exit, output) = Cwltool.Run(dir, tool, job);
            Assert.True(exit == 0, $"cwltool failed ({exit}):\n{output}");
            var expected = File.ReadAllLines(recorded).Select(w => w.EndsWith("/data.txt", StringComparison.Ordinal) ? "data.txt" : w).ToList();

            var actual = Build(toolInputs, values, dataPath: "data.txt");

            Assert.Equal(expected, actual);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
