using System.Text.Json.Nodes;

namespace Maap.Algorithms.Tests.InJob;

/// <summary>How a job tells an OGC job from a WPS one, and how the reader reads an OGC job's <c>--name value</c> arguments.</summary>
public sealed class OgcInputReaderTests : IDisposable
{
    private const string OgcCommand = "/app/dps_wrapper.sh s3://maap-code/ogc-app-pack/subset_7.main.process.cwl";
    private const string WpsCommand = "/app/dps_wrapper.sh '/app/dps_tutorial/gdal_wrapper/run_gdal.sh'";

    private static readonly MaapInputMetadata[] Inputs =
    [
        new("label", "Label", MaapInputKind.Positional, "text", true, null, null),
        new("verbose", "Verbose", MaapInputKind.Positional, "boolean", false, "true", null),
        new("dry", "Dry", MaapInputKind.Positional, "boolean", false, null, null),
        new("bands", "Bands", MaapInputKind.Positional, "text", false, null, null) { IsList = true },
        new("limit", "Limit", MaapInputKind.Positional, "number", false, null, null),
        new("outsize", "Outsize", MaapInputKind.Config, "number", true, null, null),
    ];

    private readonly string _work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "maap-ogc-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData(OgcCommand, true)]
    [InlineData(WpsCommand, false)]
    public void The_job_specification_command_tells_an_OGC_job_from_a_WPS_one(string command, bool ogc)
    {
        WriteContext(new JsonObject { ["job_specification"] = new JsonObject { ["command"] = command } });

        // The arguments look like OGC ones either way: the command decides when there is one.
        Assert.Equal(ogc, new DpsJobContext(_work, ["--label", "x"]).IsOgcJob);
    }

    [Fact]
    public void Without_context_json_the_shape_of_the_arguments_decides()
    {
        Assert.True(new DpsJobContext(_work, ["--label", "x"]).IsOgcJob);
        Assert.False(new DpsJobContext(_work, ["x", "true"]).IsOgcJob);
        Assert.False(new DpsJobContext(_work, []).IsOgcJob);
    }

    [Fact]
    public void Bound_inputs_come_from_the_arguments_and_config_inputs_from_context_json()
    {
        WriteContext(new JsonObject { ["outsize"] = 5, ["job_specification"] = new JsonObject { ["command"] = OgcCommand } });
        var reader = Reader("--label", "--looks-like-a-flag", "--bands", "1", "--limit", "12", "--bands", "-2");

        Assert.Equal("--looks-like-a-flag", reader.Read(0, MaapInputValues.ParseString));
        Assert.False(reader.Read(1, MaapInputValues.ParseBoolean));
        Assert.Null(reader.ReadNullable(2, MaapInputValues.ParseBoolean));
        Assert.Equal(new[] { 1, -2 }, reader.ReadOptional(3, static (t, n) => MaapInputValues.ParseArray(t, n, MaapInputValues.ParseInt32)));
        Assert.Equal(12, reader.ReadNullable(4, MaapInputValues.ParseInt32));
        Assert.Equal(5, reader.Read(5, MaapInputValues.ParseInt32));
    }

    [Fact]
    public void A_false_nullable_boolean_missing_from_the_arguments_is_read_from_context_json()
    {
        WriteContext(new JsonObject { ["dry"] = false, ["outsize"] = 1, ["job_specification"] = new JsonObject { ["command"] = OgcCommand } });
        var reader = Reader("--label", "x", "--verbose", "--dry");

        Assert.True(reader.Read(1, MaapInputValues.ParseBoolean));
        Assert.True(reader.ReadNullable(2, MaapInputValues.ParseBoolean));

        var withoutFlag = Reader("--label", "x");
        Assert.False(withoutFlag.ReadNullable(2, MaapInputValues.ParseBoolean));
        Assert.Null(withoutFlag.ReadOptional(3, static (t, n) => MaapInputValues.ParseArray(t, n, MaapInputValues.ParseInt32)));
    }

    [Theory]
    [InlineData("nope", "DPS job input 'nope': argument 3 names no input this algorithm takes on its command line.", "--label", "x", "--nope", "1")]
    [InlineData("outsize", "DPS job input 'outsize': argument 1 names no input this algorithm takes on its command line.", "--outsize", "5")]
    [InlineData("limit", "DPS job input 'limit': --limit is the last argument: its value is missing.", "--label", "x", "--limit")]
    [InlineData("label", "DPS job input 'label': given 2 times on the command line; it takes one value.", "--label", "x", "--label", "y")]
    [InlineData("label", "DPS job input 'label': argument 3 is an extra value after this input's value (a list repeats --label before each element).", "--label", "x", "y")]
    public void Bad_arguments_fail_naming_the_input(string input, string message, params string[] arguments)
    {
        WriteContext(new JsonObject { ["job_specification"] = new JsonObject { ["command"] = OgcCommand } });

        var ex = Assert.Throws<DpsJobInputException>(() => Reader(arguments));

        Assert.Equal(input, ex.InputName);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void A_value_that_does_not_parse_names_the_input()
    {
        WriteContext(new JsonObject { ["outsize"] = 1, ["job_specification"] = new JsonObject { ["command"] = OgcCommand } });
        var reader = Reader("--label", "x", "--limit", "twelve");

        var ex = Assert.Throws<DpsJobInputException>(() => reader.ReadNullable(4, MaapInputValues.ParseInt32));

        Assert.Equal("limit", ex.InputName);
    }

    [Fact]
    public void A_required_bound_input_missing_everywhere_names_where_it_was_looked_for()
    {
        WriteContext(new JsonObject { ["job_specification"] = new JsonObject { ["command"] = OgcCommand } });

        var ex = Assert.Throws<DpsJobInputException>(() => Reader("--limit", "1").Read(0, MaapInputValues.ParseString));

        Assert.Equal("DPS job input 'label': missing: not on the command line (--label) nor in _context.json.", ex.Message);
        var config = Assert.Throws<DpsJobInputException>(() => Reader("--label", "x").Read(5, MaapInputValues.ParseInt32));
        Assert.Equal("DPS job input 'outsize': missing: not in _context.json.", config.Message);
    }

    [Fact]
    public void A_WPS_job_keeps_reading_positional_values_in_registration_order()
    {
        WriteContext(new JsonObject { ["outsize"] = 3, ["job_specification"] = new JsonObject { ["command"] = WpsCommand } });
        var reader = Reader("--label-value", "false", "null", "[1, 2]", "7");

        Assert.Equal("--label-value", reader.Read(0, MaapInputValues.ParseString));
        Assert.False(reader.Read(1, MaapInputValues.ParseBoolean));
        Assert.Equal(new[] { 1, 2 }, reader.ReadOptional(3, static (t, n) => MaapInputValues.ParseArray(t, n, MaapInputValues.ParseInt32)));
        Assert.Equal(3, reader.Read(5, MaapInputValues.ParseInt32));
    }

    [Fact]
    public void A_file_input_reads_its_url_from_context_json_and_its_local_path_from_the_arguments()
    {
        MaapInputMetadata[] inputs = [new("granule", "Granule", MaapInputKind.File, "text", true, null, null)];
        var staged = Directory.CreateDirectory(Path.Combine(_work, "staged")).FullName;
        File.WriteAllText(Path.Combine(staged, "g.h5"), "data");
        WriteContext(new JsonObject { ["granule"] = "s3://bucket/path/g.h5", ["job_specification"] = new JsonObject { ["command"] = OgcCommand } });
        var context = new DpsJobContext(_work, ["--granule", Path.Combine(staged, "g.h5")]);

        Assert.Equal("s3://bucket/path/g.h5", new DpsInputReader(context, inputs).Read(0, MaapInputValues.ParseString));
        var file = context.ResolveInputFile("granule", "s3://bucket/path/g.h5");
        Assert.Equal(Path.Combine(staged, "g.h5"), file.LocalPath);

        // Without _context.json's URL the value is the local path itself.
        File.Delete(Path.Combine(_work, "_context.json"));
        var local = new DpsInputReader(new DpsJobContext(_work, ["--granule", Path.Combine(staged, "g.h5")]), inputs).Read(0, MaapInputValues.ParseString);
        Assert.Equal(Path.Combine(staged, "g.h5"), local);
    }

    private DpsInputReader Reader(params string[] arguments) => new(new DpsJobContext(_work, arguments), Inputs);

    private void WriteContext(JsonObject context) => File.WriteAllText(Path.Combine(_work, "_context.json"), context.ToJsonString());
}
