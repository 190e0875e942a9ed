using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Maap.Algorithms.Generator.Tests.Infrastructure;

namespace Maap.Algorithms.Generator.Tests;

/// <summary>
/// The generated CWL, the reference CWL runner and the in-job reader agree: a record's <c>ToCwl()</c> runs under
/// <c>cwltool --no-container</c> with the record's values as the job order, a script records the command line cwltool
/// builds, and the generated <c>FromContext</c> reads that command line (plus a <c>_context.json</c> holding the config
/// inputs, as the emulator writes it for an OGC job) back into the same values.
/// </summary>
public sealed class CwlRoundTripTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using Maap.Algorithms;

        namespace Science;

        /// <summary>How the output is compressed.</summary>
        public enum Compression { None, Deflate, Lzw }

        /// <summary>Every parameter kind an OGC job receives.</summary>
        [MaapAlgorithm("round-trip", "1.0", ContainerImage = "ghcr.io/org/round-trip:1", RunCommand = "algo/run.sh",
            CommitHash = "0123456789abcdef0123456789abcdef01234567", Deployer = "jdoe")]
        public partial record RoundTrip(
            [FileInput] Uri InputFile,
            [ConfigInput] int Outsize,
            [ConfigInput] string? Note,
            string Label,
            bool Verbose,
            bool Quiet,
            bool? Dry,
            int Count, long Big, double Scale, float Ratio, decimal Factor,
            sbyte S8, byte U8, short S16, ushort U16, uint U32, ulong U64,
            Compression Mode, DateTime Since, DateTimeOffset Until, DateOnly Day, TimeSpan Timeout,
            int? Limit, string? Comment, DateOnly? Maybe,
            int[] Bands, List<string> Tags, IReadOnlyList<Compression>? Modes, double[]? Weights,
            string Region = "north", bool Overwrite = true, int Retries = 3);

        /// <summary>A run command of several words, as a C# algorithm has (<c>dotnet repo/app.dll</c>).</summary>
        [MaapAlgorithm("multi-word", "1.0", ContainerImage = "ghcr.io/org/multi-word:1", RunCommand = "bash algo/record.sh")]
        public partial record MultiWord(string Label, int[] Bands, bool Verbose, int? Limit, int Count = 3);
        """;

    private const string Probe = """

        namespace Science
        {
            public static class Probe
            {
                public static Maap.Algorithms.JobRequest Full(string file) => new RoundTrip(
                    new System.Uri(file), 5, "a note", "--not-a-flag", true, false, true,
                    -7, 9_000_000_000L, 1e-7, 0.1f, 1.25m, -8, 200, -300, 400, 500U, 600UL,
                    Compression.Lzw, new System.DateTime(2024, 1, 2, 3, 4, 5, 678, System.DateTimeKind.Utc),
                    new System.DateTimeOffset(2024, 1, 2, 3, 4, 5, System.TimeSpan.FromHours(-7)), new System.DateOnly(2024, 2, 29),
                    System.TimeSpan.FromMinutes(90.5), 12, "two words 'quoted' --and \"more\"", new System.DateOnly(2023, 12, 31),
                    new[] { 1, -2, 3 }, new System.Collections.Generic.List<string> { "--a", "b c", "ü" },
                    new[] { Compression.None, Compression.Deflate }, new[] { 0.5, 2.5e-8 },
                    "south", false, 0).ToJobRequest("q");

                public static Maap.Algorithms.JobRequest Minimal(string file) => new RoundTrip(
                    new System.Uri(file), 1, null, "x", false, false, null,
                    0, 0L, 0, 0f, 0m, 0, 0, 0, 0, 0U, 0UL,
                    Compression.None, new System.DateTime(2024, 1, 1), new System.DateTimeOffset(2024, 1, 1, 0, 0, 0, System.TimeSpan.Zero), new System.DateOnly(2024, 1, 1),
                    System.TimeSpan.Zero, null, null, null,
                    new[] { 1 }, new System.Collections.Generic.List<string>(), null, null).ToJobRequest("q");

                public static Maap.Algorithms.JobRequest Generic(string file) => Maap.Algorithms.MaapAlgorithm.CreateRequest(new RoundTrip(
                    new System.Uri(file), 1, null, "x", false, false, null, 0, 0L, 0, 0f, 0m, 0, 0, 0, 0, 0U, 0UL, Compression.None,
                    new System.DateTime(2024, 1, 1), new System.DateTimeOffset(2024, 1, 1, 0, 0, 0, System.TimeSpan.Zero), new System.DateOnly(2024, 1, 1),
                    System.TimeSpan.Zero, null, null, null, new[] { 1 }, new System.Collections.Generic.List<string>(), null, null), "q");

                public static string Cwl() => RoundTrip.ToCwl();

                public static string MultiWordCwl() => MultiWord.ToCwl();

                public static Maap.Algorithms.JobRequest MultiWordRequest() =>
                    new MultiWord("--label", new[] { 4, -5 }, true, null, 7).ToJobRequest("q");

                public static Maap.Algorithms.JobRequest MultiWordReadBack(Maap.Algorithms.DpsJobContext context) => MultiWord.FromContext(context).ToJobRequest("q");

                public static System.Collections.Generic.IReadOnlyList<Maap.Algorithms.MaapInputMetadata> Metadata() => RoundTrip.InputMetadata;

                public static Maap.Algorithms.JobRequest ReadBack(Maap.Algorithms.DpsJobContext context) => RoundTrip.FromContext(context).ToJobRequest("q");

                public static string LocalFile(Maap.Algorithms.DpsJobContext context) => RoundTrip.FromContext(context).ResolveInputFile(context).LocalPath;
            }
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(() => CompiledAlgorithms.Load(Source, Probe));

    public static IEnumerable<object[]> Requests() => new[] { new object[] { "Full" }, new object[] { "Minimal" } };

    [CwltoolTheory]
    [MemberData(nameof(Requests))]
    public void Values_written_by_the_record_run_through_cwltool_and_read_back_identically_in_the_job(string request)
    {
        using var work = new TempFolder();
        var file = Path.Combine(work.Path, "granule-notes.txt");
        File.WriteAllText(file, "granule content");
        var sent = (JobRequest)Compiled.Value.Call("Science.Probe", request, file)!;
        var metadata = (IReadOnlyList<MaapInputMetadata>)Compiled.Value.Call("Science.Probe", "Metadata")!;

        var arguments = RunUnderCwltool((string)Compiled.Value.Call("Science.Probe", "Cwl")!, JobOrder(sent, metadata), work.Path,
            (document, script) => Regex.Replace(document, @"^  baseCommand: .*$", "  baseCommand: " + script, RegexOptions.Multiline));

        var job = Path.Combine(work.Path, "job");
        Directory.CreateDirectory(job);
        File.WriteAllText(Path.Combine(job, "_context.json"), ConfigContext(sent, metadata).ToJsonString());
        using var context = new DpsJobContext(job, arguments);
        Assert.True(context.IsOgcJob);
        var readBack = (JobRequest)Compiled.Value.Call("Science.Probe", "ReadBack", context)!;

        // cwltool stages the file under its own temporary folder: the job reads that local path, with the same name.
        Assert.Equal(Lines(sent, skip: "input_file"), Lines(readBack, skip: "input_file"));
        var local = (string)Compiled.Value.Call("Science.Probe", "LocalFile", context)!;
        Assert.Equal("granule-notes.txt", Path.GetFileName(local));
        Assert.Equal("granule content", File.ReadAllText(local));
        Assert.Equal(local, readBack.Inputs.Single(i => i.Name == "input_file").Value);
    }

    [CwltoolFact]
    public void A_run_command_of_several_words_runs_under_cwltool_with_its_words_before_every_input()
    {
        using var work = new TempFolder();
        var cwl = (string)Compiled.Value.Call("Science.Probe", "MultiWordCwl")!;
        var sent = (JobRequest)Compiled.Value.Call("Science.Probe", "MultiWordRequest")!;
        Assert.Contains("\n  baseCommand: bash\n  arguments:\n  - /app/algo/record.sh\n  inputs:\n", cwl, StringComparison.Ordinal);

        // bash is found on PATH, as in the image; the script the repository would hold at /app/algo/record.sh is the recorder.
        var arguments = RunUnderCwltool(cwl, """{"label": "--label", "bands": [4, -5], "verbose": true, "count": 7}""", work.Path,
            (document, script) => document.Replace("  - /app/algo/record.sh\n", "  - " + script + "\n", StringComparison.Ordinal));

        Assert.Equal(["--label", "--label", "--bands", "4", "--bands", "-5", "--verbose", "--count", "7"], arguments);
        var job = Path.Combine(work.Path, "job");
        Directory.CreateDirectory(job);
        File.WriteAllText(Path.Combine(job, "_context.json"), new JsonObject
        {
            ["job_specification"] = new JsonObject { ["command"] = "/app/dps_wrapper.sh s3://maap-code/ogc-app-pack/multi-word_7.1.0.process.cwl" },
        }.ToJsonString());
        using var context = new DpsJobContext(job, arguments);
        var readBack = (JobRequest)Compiled.Value.Call("Science.Probe", "MultiWordReadBack", context)!;
        Assert.Equal(Lines(sent, skip: string.Empty), Lines(readBack, skip: string.Empty));
    }

    [Fact]
    public void The_commit_hash_is_one_unquoted_line_and_the_deployer_reaches_the_request()
    {
        var cwl = (string)Compiled.Value.Call("Science.Probe", "Cwl")!;
        var request = (JobRequest)Compiled.Value.Call("Science.Probe", "Minimal", "/tmp/g.h5")!;

        // MAAP reads gitCommitHash with the regular expression s:commitHash:\s*(\S+) (maap-ogc-spec.md §6.2).
        Assert.Contains("\ns:commitHash: 0123456789abcdef0123456789abcdef01234567\n", cwl, StringComparison.Ordinal);
        Assert.Equal("jdoe", request.Deployer);
        Assert.Equal("jdoe", ((JobRequest)Compiled.Value.Call("Science.Probe", "Generic", "/tmp/g.h5")!).Deployer);
    }

    private static IEnumerable<string> Lines(JobRequest request, string skip) =>
        request.Inputs.Where(i => i.Name != skip).Select(i => i.Name + "=" + i.Value);

    /// <summary>The CWL job order: each sent value as its JSON value, the file as a CWL File; a value equal to its default is left out, so cwltool applies the CWL default.</summary>
    private static string JobOrder(JobRequest request, IReadOnlyList<MaapInputMetadata> inputs)
    {
        var order = new JsonObject();
        foreach (var sent in request.Inputs)
        {
            var input = inputs.Single(i => i.Name == sent.Name);
            if (input.DefaultValue == sent.Value)
            {
                continue;
            }

            order[sent.Name] = input.Kind == MaapInputKind.File
                ? new JsonObject { ["class"] = "File", ["path"] = sent.Value }
                : sent.Kind == JobInputKind.Json ? JsonNode.Parse(sent.Value) : JsonValue.Create(sent.Value);
        }

        return order.ToJsonString();
    }

    /// <summary>What the emulator writes for an OGC job: the inputs by name (here only the config ones, which the command line lacks) and MAAP's OGC command.</summary>
    private static JsonObject ConfigContext(JobRequest request, IReadOnlyList<MaapInputMetadata> inputs)
    {
        var context = new JsonObject();
        foreach (var sent in request.Inputs.Where(s => inputs.Single(i => i.Name == s.Name).Kind == MaapInputKind.Config))
        {
            context[sent.Name] = sent.Kind == JobInputKind.Json ? JsonNode.Parse(sent.Value) : JsonValue.Create(sent.Value);
        }

        context["job_specification"] = new JsonObject { ["command"] = "/app/dps_wrapper.sh s3://maap-code/ogc-app-pack/round-trip_7.1.0.process.cwl" };
        return context;
    }

    /// <summary>
    /// Runs the CWL with the image as a hint (no container) and a recording script where <paramref name="placeScript"/>
    /// puts its path; returns the arguments the script received.
    /// </summary>
    private static string[] RunUnderCwltool(string cwl, string jobOrder, string work, Func<string, string, string> placeScript)
    {
        var recorded = Path.Combine(work, "argv.bin");
        var script = Path.Combine(work, "record-argv.sh");
        var kept = Path.Combine(work, "kept");
        // NUL-separated, so an argument holding spaces, quotes or newlines comes back exactly. cwltool deletes the
        // folder it staged input files in once the tool exits, so the script keeps a copy of every file it was given.
        File.WriteAllText(script, "#!/bin/sh\nmkdir -p output\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; if [ -f \"$a\" ]; then mkdir -p \"" + kept
            + "$(dirname \"$a\")\"; cp \"$a\" \"" + kept + "$a\"; fi; done > '" + recorded + "'\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var local = Regex.Replace(cwl, @"^  requirements:\n    DockerRequirement:\n      dockerPull: (.*)\n", "  hints:\n    DockerRequirement:\n      dockerPull: $1\n  requirements:\n", RegexOptions.Multiline);
        local = placeScript(local, script);
        Assert.Contains(script, local, StringComparison.Ordinal);
        Assert.Contains("  hints:\n", local, StringComparison.Ordinal);
        var cwlFile = Path.Combine(work, "process.cwl");
        var orderFile = Path.Combine(work, "job.json");
        File.WriteAllText(cwlFile, local);
        File.WriteAllText(orderFile, jobOrder);

        var (exitCode, output) = Cwltool.Run("--no-container", "--leave-tmpdir", "--outdir", Path.Combine(work, "out"), "--tmpdir-prefix", Path.Combine(work, "tmp") + "/", cwlFile, orderFile);
        Assert.True(exitCode == 0, $"cwltool failed ({exitCode}):\n{output}\n--- job order ---\n{jobOrder}\n--- document ---\n{local}");
        var text = File.ReadAllText(recorded, Encoding.UTF8);
        var arguments = text.Length == 0 ? Array.Empty<string>() : text.TrimEnd('\0').Split('\0');

        // Put the staged files back where the job saw them, as they were while it ran.
        foreach (var copy in Directory.Exists(kept) ? Directory.GetFiles(kept, "*", SearchOption.AllDirectories) : Array.Empty<string>())
        {
            var original = copy.Substring(kept.Length);
            Directory.CreateDirectory(Path.GetDirectoryName(original)!);
            File.Copy(copy, original, overwrite: true);
        }

        return arguments;
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "maap-cwl-" + Guid.NewGuid().ToString("N"))).FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
