using Maap.Algorithms.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Maap.Algorithms.Generator.Tests;

/// <summary>Where a generated submission's queue comes from, and what a record with none says before any request.</summary>
public sealed class QueueTests
{
    private const string Source = """
        using Maap.Algorithms;

        namespace Science;

        [MaapAlgorithm("no-queue", "1")]
        public partial record NoQueue(int Size = 1)
        {
            public static JobRequest Request(string? queue) => new NoQueue().ToJobRequest(queue);
        }

        [MaapAlgorithm("with-queue", "1", Queue = "maap-dps-worker-8gb")]
        public partial record WithQueue(int Size = 1)
        {
            public static JobRequest Request(string? queue) => new WithQueue().ToJobRequest(queue);
        }
        """;

    [Fact]
    public void A_record_without_a_queue_submitted_without_one_names_both_places_a_queue_can_come_from()
    {
        var assembly = CompiledAlgorithms.Load(Source);

        var error = Assert.Throws<ArgumentException>(() => assembly.Call("Science.NoQueue", "Request", [null]));

        Assert.StartsWith("No queue for NoQueue: pass queue: to SubmitAsync, or set [MaapAlgorithm(Queue = \"…\")] on the record.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_callers_queue_wins_over_the_records_and_the_records_is_the_default()
    {
        var assembly = CompiledAlgorithms.Load(Source);

        Assert.Equal("maap-dps-sandbox", ((JobRequest)assembly.Call("Science.NoQueue", "Request", ["maap-dps-sandbox"])!).Queue);
        Assert.Equal("maap-dps-sandbox", ((JobRequest)assembly.Call("Science.WithQueue", "Request", ["maap-dps-sandbox"])!).Queue);
        Assert.Equal("maap-dps-worker-8gb", ((JobRequest)assembly.Call("Science.WithQueue", "Request", [null])!).Queue);
    }

    [Theory]
    [InlineData("new NoQueue().SubmitAsync(maap)", true)]
    [InlineData("new NoQueue().SubmitAsync(maap, queue: null)", true)]
    [InlineData("new NoQueue().SubmitAsync(maap, tag: \"t\")", true)]
    [InlineData("new NoQueue().SubmitAsync(maap, queue: \"maap-dps-sandbox\")", false)]
    [InlineData("new NoQueue().SubmitAsync(maap, queue: q)", false)]
    [InlineData("new WithQueue().SubmitAsync(maap)", false)]
    public void MAAP0018_warns_where_a_record_without_a_queue_is_submitted_without_one(string call, bool warned)
    {
        var source = """
            using Maap.Algorithms;

            namespace Science;

            [MaapAlgorithm("no-queue", "1")]
            public partial record NoQueue(int Size = 1);

            [MaapAlgorithm("with-queue", "1", Queue = "maap-dps-worker-8gb")]
            public partial record WithQueue(int Size = 1);

            public static class Caller
            {
                public static object Submit(MaapClient maap, string? q) => CALL;
            }
            """.Replace("CALL", call, StringComparison.Ordinal);
        var run = GeneratorHarness.Run(LanguageVersion.Latest, source);

        var found = GeneratorHarness.Analyze(run.Output).Where(d => d.Id == "MAAP0018").ToList();

        if (!warned)
        {
            Assert.Empty(found);
            return;
        }

        var d = Assert.Single(found);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(call, d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.StartsWith("'NoQueue' declares no Queue and this call gives none", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
