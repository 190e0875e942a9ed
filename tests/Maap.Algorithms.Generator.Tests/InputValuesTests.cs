using System.Globalization;

namespace Maap.Algorithms.Generator.Tests;

/// <summary>The runtime formatting generated code relies on: invariant, and parsing back to the same value.</summary>
public sealed class InputValuesTests
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Every_scalar_round_trips_exactly_in_any_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(0.1, MaapInputValues.ParseDouble(MaapInputValues.Format(0.1), "x"));
            Assert.Equal(double.Epsilon, MaapInputValues.ParseDouble(MaapInputValues.Format(double.Epsilon), "x"));
            Assert.Equal(1e300, MaapInputValues.ParseDouble(MaapInputValues.Format(1e300), "x"));
            // Non-finite numbers go as JSON strings (MAAP's json.dumps would write a bare NaN into _context.json); the
            // job sees the string's text.
            Assert.Equal("\"NaN\"", MaapInputValues.Format(double.NaN));
            Assert.True(double.IsNaN(MaapInputValues.ParseDouble(System.Text.Json.JsonSerializer.Deserialize<string>(MaapInputValues.Format(double.NaN))!, "x")));
            Assert.Equal(double.NegativeInfinity, MaapInputValues.ParseDouble(System.Text.Json.JsonSerializer.Deserialize<string>(MaapInputValues.Format(double.NegativeInfinity))!, "x"));
            Assert.Equal(float.PositiveInfinity, MaapInputValues.ParseSingle(System.Text.Json.JsonSerializer.Deserialize<string>(MaapInputValues.Format(float.PositiveInfinity))!, "x"));
            Assert.Equal(new[] { "1.5", "NaN" }, MaapInputValues.SplitArray(MaapInputValues.FormatArray(new[] { 1.5, double.NaN }, MaapInputValues.Format, quoted: false), "x"));
            Assert.Equal(3.4028235E+38f, MaapInputValues.ParseSingle(MaapInputValues.Format(3.4028235E+38f), "x"));
            Assert.Equal(79228162514264337593543950335m, MaapInputValues.ParseDecimal(MaapInputValues.Format(79228162514264337593543950335m), "x"));
            Assert.Equal("1.50", MaapInputValues.Format(1.50m));
            Assert.Equal(ulong.MaxValue, MaapInputValues.ParseUInt64(MaapInputValues.Format(ulong.MaxValue), "x"));
            Assert.Equal(long.MinValue, MaapInputValues.ParseInt64(MaapInputValues.Format(long.MinValue), "x"));
            Assert.Equal("-1", MaapInputValues.Format(-1));

            var utc = new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc).AddTicks(1234567);
            var back = MaapInputValues.ParseDateTime(MaapInputValues.Format(utc), "x");
            Assert.Equal(utc.Ticks, back.Ticks);
            Assert.Equal(DateTimeKind.Utc, back.Kind);
            var unspecified = new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Unspecified);
            Assert.Equal(DateTimeKind.Unspecified, MaapInputValues.ParseDateTime(MaapInputValues.Format(unspecified), "x").Kind);

            var offset = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromMinutes(330)).AddTicks(7);
            var offsetBack = MaapInputValues.ParseDateTimeOffset(MaapInputValues.Format(offset), "x");
            Assert.Equal(offset, offsetBack);
            Assert.Equal(offset.Offset, offsetBack.Offset);

            Assert.Equal("2024-02-29", MaapInputValues.Format(new DateOnly(2024, 2, 29)));
            Assert.Equal(TimeSpan.FromTicks(-123456789012), MaapInputValues.ParseTimeSpan(MaapInputValues.Format(TimeSpan.FromTicks(-123456789012)), "x"));
            Assert.Equal("https://a.example/b c?d=é", MaapInputValues.ParseUri(MaapInputValues.Format(new Uri("https://a.example/b c?d=é")), "x").OriginalString);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Lists_are_JSON_arrays_that_split_back_into_their_items()
    {
        var text = MaapInputValues.FormatArray(new[] { "a", "b,\"c\"", "" }, static s => s, quoted: true);

        Assert.Equal("[\"a\",\"b,\\u0022c\\u0022\",\"\"]", text);
        Assert.Equal(new[] { "a", "b,\"c\"", "" }, MaapInputValues.SplitArray(text, "x"));
        Assert.Equal(new[] { "1", "2.5" }, MaapInputValues.SplitArray("[1, 2.5]", "x"));
    }

    [Fact]
    public void A_value_that_is_not_a_JSON_array_names_the_input()
    {
        var ex = Assert.Throws<DpsJobInputException>(() => MaapInputValues.SplitArray("1,2", "bands"));

        Assert.Equal("DPS job input 'bands': expected a JSON array.", ex.Message);
    }

    [Fact]
    public void Enum_parsing_accepts_member_names_only()
    {
        Assert.Equal(DayOfWeek.Friday, MaapInputValues.ParseEnum<DayOfWeek>("Friday", "day"));
        var ex = Assert.Throws<DpsJobInputException>(() => MaapInputValues.ParseEnum<DayOfWeek>("Someday", "day"));
        Assert.StartsWith("DPS job input 'day': expected one of Sunday, Monday", ex.Message, StringComparison.Ordinal);
        Assert.Throws<DpsJobInputException>(() => MaapInputValues.ParseEnum<DayOfWeek>("42", "day"));
    }

    [Theory]
    [InlineData("GEE_TOKEN", true)]
    [InlineData("my token", true)]
    [InlineData("", false)]
    [InlineData(" lead", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("tab\there", false)]
    [InlineData(".", false)]
    [InlineData("..", false)]
    [InlineData("...", true)]
    [InlineData(".hidden", true)]
    public void Secret_names_follow_the_clients_rule(string name, bool valid)
    {
        Assert.Equal(valid, SecretName.IsValid(name));
        Assert.Equal(valid, Maap.Algorithms.Generator.Parsing.NameRules.IsValidSecretName(name));
        if (valid)
        {
            Assert.Equal(name, new SecretName(name).ToString());
        }
        else
        {
            Assert.Throws<ArgumentException>(() => new SecretName(name));
        }
    }

    [Fact]
    public async Task A_failed_secret_fetch_is_not_cached()
    {
        var calls = 0;
        var context = new DpsJobContext(Path.GetTempPath(), Array.Empty<string>(), (_, _) =>
            ++calls == 1 ? Task.FromException<string>(new InvalidOperationException("transient")) : Task.FromResult("v"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.GetSecretAsync("TOKEN"));
        Assert.Equal("v", await context.GetSecretAsync("TOKEN"));
        Assert.Equal("v", await context.GetSecretAsync("TOKEN"));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Job_identity_comes_from_job_json()
    {
        var dir = Directory.CreateTempSubdirectory("maap-job-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "_job.json"), """{"username":"jdoe","type":"job-a:1","tag":"t","job_info":{"job_payload":{"payload_task_id":"86fb"}}}""");
            var context = new DpsJobContext(dir, Array.Empty<string>());

            Assert.Equal(("86fb", "jdoe", "job-a:1", "t"), (context.JobId, context.Username, context.JobType, context.Tag));
            Assert.Equal(Path.Combine(dir, "output", "result.tif"), context.GetOutputPath("result.tif"));
            Assert.True(Directory.Exists(context.OutputDirectory));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
