namespace Maap.Algorithms.Generator.Tests;

/// <summary>The records the snapshot and compile tests share: one per generator feature.</summary>
internal static class Scenarios
{
    public const string GlobalNamespace = """
        using System;
        using Maap.Algorithms;

        /// <summary>The seed's test algorithm.</summary>
        [MaapAlgorithm("run-dps-test_ubuntu", "delay10", Queue = "maap-dps-worker-8gb")]
        public partial record RunDpsTest([FileInput] Uri InputFile);
        """;

    public const string NestedRecord = """
        using Maap.Algorithms;

        namespace Science.Biomass
        {
            /// <summary>Holds algorithms.</summary>
            public static partial class Algorithms
            {
                /// <summary>Nested algorithm.</summary>
                public partial class Gedi
                {
                    /// <summary>The subset algorithm.</summary>
                    [MaapAlgorithm("gedi-subset", "0.12.0")]
                    public partial record Subset(string Aoi, int Limit = 100);
                }
            }
        }
        """;

    public const string InternalRecord = """
        using Maap.Algorithms;

        namespace Science;

        [MaapAlgorithm("internal_algo", "main", Queue = "maap-dps-sandbox")]
        internal sealed partial record Hidden([ConfigInput] bool DryRun = false);
        """;

    public const string EveryParameterKind = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using Maap.Algorithms;

        namespace Science;

        /// <summary>How the output is compressed.</summary>
        public enum Compression
        {
            /// <summary>Stored.</summary>
            None,
            /// <summary>Deflate.</summary>
            Deflate,
            /// <summary>LZW.</summary>
            Lzw,
        }

        /// <summary>Every input kind, type and rule.</summary>
        [MaapAlgorithm("every-kind", "v1.2", Queue = "maap-dps-worker-8gb")]
        public partial record EveryKind(
            [FileInput(Description = "The granule to subset")] Uri InputFile,
            [FileInput(Name = "mask")] string? MaskUrl,
            [ConfigInput, Range(1, 100)] int Outsize,
            [ConfigInput] double? Scale,
            [property: RegularExpression("[a-z]+\\.tif")] string OutputFileName,
            [PositionalInput(Name = "compression_mode")] Compression Compression = Compression.Deflate,
            [StringLength(10, MinimumLength = 2)] string Label = "run",
            [Range(0.5, 2.5, MinimumIsExclusive = true)] decimal Factor = 1.5m,
            [AllowedValues("north", "south")] string Hemisphere = "north",
            [DeniedValues(13L)] long Seed = 42,
            [Url] string? Homepage = null,
            bool Verbose = true,
            sbyte S8 = -1, byte U8 = 1, short S16 = -2, ushort U16 = 2, uint U32 = 3, ulong U64 = 4, float Ratio = 0.1f,
            DateTime? Since = null,
            DateTimeOffset? Until = null,
            DateOnly? Day = null,
            TimeSpan? Timeout = null,
            [MinLength(1), MaxLength(4)] int[]? Bands = null,
            List<string>? Tags = null,
            IReadOnlyList<Compression>? Modes = null);
        """;

    public const string Secrets = """
        using Maap.Algorithms;

        namespace Science;

        /// <summary>Reads secrets.</summary>
        [MaapAlgorithm("gee-export", "main", Queue = "maap-dps-worker-8gb")]
        [MaapSecret("GEE_TOKEN", Description = "Google Earth Engine token.")]
        [MaapSecret("EARTHDATA.password")]
        public partial record GeeExport(SecretName ApiKeySecret, SecretName? OptionalSecret = null);
        """;

    public const string Registration = """
        using System;
        using Maap.Algorithms;

        namespace Science;

        /// <summary>The DPS tutorial's GDAL wrapper.</summary>
        [MaapAlgorithm("maap_functional_test_algo", "main",
            Queue = "maap-dps-worker-8gb",
            Description = "Algorithm used for functional testing of API and MAAP py",
            RunCommand = "dps_tutorial/gdal_wrapper/run_gdal.sh",
            RepositoryUrl = "https://github.com/MAAP-Project/dps_tutorial.git",
            ContainerUrl = "mas.dit.maap-project.org/root/maap-workspaces/base_images/vanilla:develop",
            DiskSpace = "5GB",
            BuildCommand = "dps_tutorial/gdal_wrapper/build-env.sh",
            ContainerImage = "ghcr.io/maap-project/dps_tutorial:main",
            MemoryMiB = 8192, Cores = 2, DiskGiB = 5,
            Author = "maap-dev", Keywords = "gdal, tutorial",
            CommitHash = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", Deployer = "maap-dev")]
        public partial record GdalWrapper(
            [FileInput] string InputFile = "https://photojournal.jpl.nasa.gov/tiff/PIA00127.tif",
            string OutputFilename = "output.tif",
            int Outsize = 10);
        """;

    /// <summary>A C# algorithm: its run command has several words, so its CWL carries <c>arguments</c>.</summary>
    public const string CSharpAlgorithm = """
        using Maap.Algorithms;

        namespace Science;

        /// <summary>A typed C# algorithm run by the dotnet host.</summary>
        [MaapAlgorithm("word-count", "1.0", Queue = "maap-dps-worker-8gb",
            RunCommand = "dotnet word-count/TypedAlgorithm.dll --verbose",
            RepositoryUrl = "https://github.com/example/word-count.git",
            ContainerImage = "ghcr.io/example/word-count:1.0")]
        public partial record WordCount(string Text, int Limit = 10);
        """;

    public const string RecordStruct = """
        using Maap.Algorithms;

        namespace Science;

        /// <summary>A value-type algorithm.</summary>
        [MaapAlgorithm("struct-algo", "1")]
        public readonly partial record struct Point(double X, double Y);
        """;

    /// <summary>Scenarios that parse at C# 9 (record structs are C# 10).</summary>
    public static IEnumerable<object[]> CSharp9() => All().Where(s => (string)s[0] != nameof(RecordStruct));

    public static IEnumerable<object[]> All() => new[]
    {
        new object[] { nameof(GlobalNamespace), GlobalNamespace },
        new object[] { nameof(NestedRecord), NestedRecord },
        new object[] { nameof(InternalRecord), InternalRecord },
        new object[] { nameof(EveryParameterKind), EveryParameterKind },
        new object[] { nameof(Secrets), Secrets },
        new object[] { nameof(Registration), Registration },
        new object[] { nameof(RecordStruct), RecordStruct },
        new object[] { nameof(CSharpAlgorithm), CSharpAlgorithm },
    };
}
