using System.Globalization;
using System.Net;
using System.Reflection;
using Maap.Algorithms.Generator.Tests.Infrastructure;

namespace Maap.Algorithms.Generator.Tests;

/// <summary>Executes generated code: validation, request writing, registration YAML, and reading inputs back in a DPS work dir.</summary>
public sealed class GeneratedCodeTests
{
    private const string Probe = """

        namespace Science
        {
            public static class Probe
            {
                public static Maap.Algorithms.JobRequest Full() => new EveryKind(
                    new System.Uri("https://data.example.org/granules/GEDI02_A.h5?x=1"), "s3://bucket/masks/mask.tif", 5, 2.5, "out.tif",
                    Compression.Lzw, "label", 1.25m, "south", 7L, "https://maap-project.org", false, -8, 200, -300, 400, 500U, 600UL, 0.1f,
                    new System.DateTime(2024, 1, 2, 3, 4, 5, 678, System.DateTimeKind.Utc), new System.DateTimeOffset(2024, 1, 2, 3, 4, 5, System.TimeSpan.FromHours(-7)),
                    new System.DateOnly(2024, 2, 29), System.TimeSpan.FromMinutes(90.5), new[] { 1, 2, 3 }, new System.Collections.Generic.List<string> { "a", "b \"c\"", "ü" },
                    new[] { Compression.None, Compression.Deflate }).ToJobRequest(tag: "test-job");

                public static Maap.Algorithms.JobRequest Minimal() => new EveryKind(new System.Uri("https://data.example.org/g.h5"), null, 1, null, "a.tif").ToJobRequest();

                public static object Bad(int outsize) => new EveryKind(new System.Uri("https://data.example.org/g.h5"), null, outsize, null, "a.tif");

                public static System.Collections.Generic.IReadOnlyList<Maap.Algorithms.MaapInputMetadata> Metadata() => EveryKind.InputMetadata;

                public static Maap.Algorithms.JobRequest ReadBack(Maap.Algorithms.DpsJobContext context) => EveryKind.FromContext(context).ToJobRequest(tag: "test-job");

                public static string FileOf(Maap.Algorithms.DpsJobContext context) { var r = EveryKind.FromContext(context).ResolveInputFile(context); return r.OriginalUrl + "|" + r.LocalPath; }

                public static Maap.Algorithms.JobRequest Generic() => Maap.Algorithms.MaapAlgorithm.CreateRequest(new EveryKind(new System.Uri("https://data.example.org/g.h5"), null, 1, null, "a.tif"));

                public static System.Threading.Tasks.Task Submit(Maap.Algorithms.MaapClient client, int outsize) => new EveryKind(new System.Uri("https://data.example.org/g.h5"), null, outsize, null, "a.tif").SubmitAsync(client);
            }
        }
        """;

    private static readonly Lazy<Assembly> EveryKind = new(() => CompiledAlgorithms.Load(Scenarios.EveryParameterKind, Probe));

    [Fact]
    public void WriteInputs_formats_every_type_invariantly_and_in_declaration_order()
    {
        var request = Run(() => (JobRequest)Call("Full")!);

        Assert.Equal(("every-kind", "v1.2"), (request.AlgorithmId, request.Version));
        Assert.Equal("maap-dps-worker-8gb", request.Queue);
        Assert.Equal(
            new[]
            {
                "input_file=https://data.example.org/granules/GEDI02_A.h5?x=1", "mask=s3://bucket/masks/mask.tif", "outsize=5", "scale=2.5",
                "output_file_name=out.tif", "compression_mode=Lzw", "label=label", "factor=1.25", "hemisphere=south", "seed=7",
                "homepage=https://maap-project.org", "verbose=false", "s8=-8", "u8=200", "s16=-300", "u16=400", "u32=500", "u64=600",
                "ratio=0.1", "since=2024-01-02T03:04:05.6780000Z", "until=2024-01-02T03:04:05.0000000-07:00", "day=2024-02-29",
                "timeout=01:30:30", "bands=[1,2,3]", "tags=[\"a\",\"b \\u0022c\\u0022\",\"\\u00FC\"]", "modes=[\"None\",\"Deflate\"]",
            },
            request.Inputs.Select(i => i.Name + "=" + i.Value));
    }

    [Fact]
    public void Null_optional_inputs_are_left_out_so_the_registered_default_applies()
    {
        var request = (JobRequest)Call("Minimal")!;

        Assert.DoesNotContain(request.Inputs, i => i.Name is "mask" or "scale" or "since" or "bands" or "tags");
        Assert.Contains(request.Inputs, i => i.Name == "compression_mode" && i.Value == "Deflate");
    }

    [Fact]
    public void Inputs_survive_MAAP_and_DPS_and_read_back_identically_in_the_job()
    {
        var sent = Run(() => (JobRequest)Call("Full")!);
        using var dir = DpsWorkDir.Create(sent, (IReadOnlyList<MaapInputMetadata>)Call("Metadata")!);

        var readBack = Run(() => (JobRequest)Call("ReadBack", dir.Context())!);

        Assert.Equal(sent.Inputs.Select(i => i.Name + "=" + i.Value), readBack.Inputs.Select(i => i.Name + "=" + i.Value));
    }

    [Fact]
    public void Omitted_optional_inputs_read_back_as_null_or_their_default()
    {
        var sent = (JobRequest)Call("Minimal")!;
        using var dir = DpsWorkDir.Create(sent, (IReadOnlyList<MaapInputMetadata>)Call("Metadata")!);

        var readBack = (JobRequest)Call("ReadBack", dir.Context())!;

        Assert.Equal(sent.Inputs.Select(i => i.Name + "=" + i.Value), readBack.Inputs.Select(i => i.Name + "=" + i.Value));
    }

    [Fact]
    public void A_file_input_resolves_to_its_local_path_and_original_url()
    {
        var sent = (JobRequest)Call("Minimal")!;
        using var dir = DpsWorkDir.Create(sent, (IReadOnlyList<MaapInputMetadata>)Call("Metadata")!);

        var file = ((string)Call("FileOf", dir.Context())!).Split('|');

        Assert.Equal("https://data.example.org/g.h5", file[0]);
        Assert.Equal(Path.Combine(dir.Path, "input", "g.h5"), file[1]);
        Assert.True(File.Exists(file[1]));
    }

    [Fact]
    public void FromContext_names_a_file_input_that_was_not_downloaded()
    {
        var sent = (JobRequest)Call("Minimal")!;
        using var dir = DpsWorkDir.Create(sent, (IReadOnlyList<MaapInputMetadata>)Call("Metadata")!, downloadFiles: false);

        var ex = Assert.Throws<DpsJobInputException>(() => Call("ReadBack", dir.Context()));

        Assert.Equal("input_file", ex.InputName);
        Assert.Equal("DPS job input 'input_file': 'g.h5' was not downloaded into input/.", ex.Message);
    }

    [Fact]
    public void FromContext_names_a_missing_input()
    {
        var sent = (JobRequest)Call("Minimal")!;
        using var dir = DpsWorkDir.Create(sent, (IReadOnlyList<MaapInputMetadata>)Call("Metadata")!);
        File.WriteAllText(Path.Combine(dir.Path, "_context.json"), "{\"input_file\": \"https://data.example.org/g.h5\"}");

        var ex = Assert.Throws<DpsJobInputException>(() => Call("ReadBack", new DpsJobContext(dir.Path, Array.Empty<string>())));

        Assert.Equal("outsize", ex.InputName);
        Assert.Equal("DPS job input 'outsize': missing: not in _context.json.", ex.Message);
    }

    [Fact]
    public void FromContext_names_an_unparseable_input()
    {
        var sent = (JobRequest)Call("Minimal")!;
        using var dir = DpsWorkDir.Create(sent, (IReadOnlyList<MaapInputMetadata>)Call("Metadata")!);
        var args = dir.Arguments.ToArray();
        args[7] = "maybe";

        var ex = Assert.Throws<DpsJobInputException>(() => Call("ReadBack", new DpsJobContext(dir.Path, args)));

        Assert.Equal("verbose", ex.InputName);
        Assert.Equal("DPS job input 'verbose': expected a boolean (true or false).", ex.Message);
    }

    [Fact]
    public void Validate_names_the_input_and_the_rule()
    {
        var algorithm = Call("Bad", 0)!;

        var ex = Assert.Throws<ArgumentException>(() => algorithm.GetType().GetMethod("Validate")!.Invoke(algorithm, BindingFlags.DoNotWrapExceptions, null, null, null));

        Assert.Equal("Outsize", ex.ParamName);
        Assert.StartsWith("Input 'outsize' (Outsize) breaks [Range(1, 100)]: it must be at least 1 and at most 100.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_with_a_broken_rule_fails_before_any_request()
    {
        var handler = new CountingHandler();
        using var http = new HttpClient(handler);
        using var client = new MaapClient(http, new MaapClientOptions { Host = "127.0.0.1:9", ProxyTicket = "ticket" });

        var ex = Assert.Throws<ArgumentException>(() => Call("Submit", client, 101));

        Assert.Contains("Range(1, 100)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Requests);
        await Task.CompletedTask;
    }

    [Fact]
    public void The_generic_runtime_API_builds_the_same_request_without_reflection()
    {
        var request = (JobRequest)Call("Generic")!;

        Assert.Equal(("every-kind", "v1.2"), (request.AlgorithmId, request.Version));
        Assert.Equal(((JobRequest)Call("Minimal")!).Inputs, request.Inputs);
    }

    [Fact]
    public void Formatting_does_not_depend_on_the_current_culture()
    {
        var invariant = Run(() => (JobRequest)Call("Full")!);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var german = (JobRequest)Call("Full")!;
            Assert.Equal(invariant.Inputs, german.Inputs);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Registration_yaml_matches_MAAPs_own_template()
    {
        const string source = """
            using Maap.Algorithms;
            namespace Science
            {
                [MaapAlgorithm("maap_functional_test_algo", "main",
                    Queue = "maap-dps-worker-8gb",
                    Description = "Algorithm used for functional testing of API and MAAP py",
                    RunCommand = "dps_tutorial/gdal_wrapper/run_gdal.sh",
                    RepositoryUrl = "https://github.com/MAAP-Project/dps_tutorial.git",
                    ContainerUrl = "mas.dit.maap-project.org/root/maap-workspaces/base_images/vanilla:develop",
                    DiskSpace = "5GB",
                    BuildCommand = "dps_tutorial/gdal_wrapper/build-env.sh")]
                public partial record GdalWrapper(
                    [FileInput] string InputFile = "https://photojournal.jpl.nasa.gov/tiff/PIA00127.tif",
                    string OutputFilename = "output.tif",
                    string Outsize = "10");
            }
            """;

        var yaml = (string)CompiledAlgorithms.Load(source).Call("Science.GdalWrapper", "ToAlgorithmConfigYaml")!;

        Assert.Equal(Maap.Algorithms.Testing.SpecDocuments.Tv13AlgorithmConfigYaml, yaml);
    }

    [Fact]
    public void Registration_without_a_repository_says_what_to_set()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => EveryKind.Value.Call("Science.EveryKind", "ToAlgorithmConfigYaml"));

        Assert.Equal("Set RepositoryUrl and RunCommand on [MaapAlgorithm] of EveryKind to register it: MAAP requires both.", ex.Message);
    }

    [Fact]
    public async Task Secret_accessors_fetch_once_per_process_with_the_jobs_credentials()
    {
        const string probe = """

            namespace Science
            {
                public static class SecretProbe
                {
                    public static async System.Threading.Tasks.Task<string> Read(Maap.Algorithms.DpsJobContext context)
                    {
                        var inputs = GeeExport.FromContext(context);
                        var fixedName = await GeeExport.GetGeeTokenSecretAsync(context);
                        var again = await GeeExport.GetGeeTokenSecretAsync(context);
                        var chosen = await inputs.GetApiKeySecretValueAsync(context);
                        return fixedName + "," + again + "," + chosen;
                    }

                    public static Maap.Algorithms.JobRequest Request() => new GeeExport("MY_GEE_KEY").ToJobRequest();

                    public static System.Collections.Generic.IReadOnlyList<Maap.Algorithms.MaapInputMetadata> Metadata() => GeeExport.InputMetadata;
                }
            }
            """;
        var assembly = CompiledAlgorithms.Load(Scenarios.Secrets, probe);
        var sent = (JobRequest)assembly.Call("Science.SecretProbe", "Request")!;
        using var dir = DpsWorkDir.Create(sent, (IReadOnlyList<MaapInputMetadata>)assembly.Call("Science.SecretProbe", "Metadata")!);
        var fetched = new List<string>();
        var context = dir.Context((name, _) =>
        {
            fetched.Add(name);
            return Task.FromResult("value-of-" + name);
        });

        var result = await (Task<string>)assembly.Call("Science.SecretProbe", "Read", context)!;

        Assert.Equal("value-of-GEE_TOKEN,value-of-GEE_TOKEN,value-of-MY_GEE_KEY", result);
        Assert.Equal(new[] { "GEE_TOKEN", "MY_GEE_KEY" }, fetched);
        Assert.Equal(new[] { "api_key_secret=MY_GEE_KEY" }, sent.Inputs.Select(i => i.Name + "=" + i.Value));
    }

    private static object? Call(string method, params object?[] args) => EveryKind.Value.Call("Science.Probe", method, args);

    private static T Run<T>(Func<T> action) => action();

    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError));
        }
    }
}
