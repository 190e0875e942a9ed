using Maap.Algorithms.Generator.Model;

namespace Maap.Algorithms.Generator.Emitting;

/// <summary><c>WriteInputs</c>, <c>ToJobRequest</c>, <c>SubmitAsync</c>, <c>ListJobsAsync</c>.</summary>
internal static partial class AlgorithmEmitter
{
    private const string Support = Ns + "MaapAlgorithmSupport.";

    /// <summary>The same for every record: the bodies live in the runtime's <c>MaapAlgorithmSupport</c>.</summary>
    private const string SubmitMembers = $$"""
        /// <summary>Validates the inputs and builds the request (queue defaults to <see cref="DefaultQueue"/>).</summary>
        public {{Ns}}JobRequest ToJobRequest(string? queue = null, string? tag = null)
        {
            this.Validate();
            return {{Support}}CreateRequest(this, AlgorithmId, AlgorithmVersion, queue ?? DefaultQueue, tag, Deployer, WriteInputs);
        }

        /// <summary>Validates the inputs, then submits a job.</summary>
        public global::System.Threading.Tasks.Task<Job> SubmitAsync({{Ns}}MaapClient client, string? queue = null, string? tag = null, global::System.Threading.CancellationToken cancellationToken = default) =>
            {{Support}}SubmitAsync(client, this.ToJobRequest(queue, tag), static job => new Job(job), cancellationToken);

        /// <summary>Lists the caller's jobs of this algorithm version.</summary>
        public static {{Ns}}MaapAsyncPageable<{{Ns}}JobListItem> ListJobsAsync({{Ns}}MaapClient client, {{Ns}}JobListQuery? query = null, global::System.Threading.CancellationToken cancellationToken = default) =>
            {{Support}}ListJobs(client, AlgorithmId, AlgorithmVersion, query, cancellationToken);

        """;

    private static void EmitWriteInputs(SourceWriter w, AlgorithmSpec spec)
    {
        var isClass = !spec.TypeKeyword.Contains("struct");
        w.Block($$"""
            /// <summary>Adds the inputs to a request, leaving out null optional ones.</summary>
            public static void WriteInputs({{spec.FullyQualifiedName}} algorithm, {{Ns}}JobRequest request)
            """);
        w.OpenBrace();
        if (isClass)
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(algorithm);");
        }

        w.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
        w.Line();
        foreach (var input in spec.Inputs)
        {
            var member = "algorithm." + Id(input.ParameterName);
            // Null optional inputs are left out; one line each keeps the generated text small.
            w.Start();
            if (input.IsNullable && !input.IsReferenceType)
            {
                w.Append("if (").Append(member).Append(".HasValue) ");
                member += ".Value";
            }
            else if (input.IsNullable)
            {
                w.Append("if (").Append(member).Append(" is not null) ");
            }

            // Text reaches the job as text and everything else as a JSON value; the protocol encodes each natively.
            w.Append(IsText(input) ? "request.WithInput(" : "request.WithJsonInput(").Append(Literal(input.WireName)).Append(", ").Append(Format(input, member)).End(");");
        }

        w.Close();
        w.Line();
    }

    private static void EmitSubmit(SourceWriter w) => w.Block(SubmitMembers);

    private static string Format(InputSpec input, string value)
    {
        if (input.Collection == CollectionKind.None)
        {
            return FormatScalar(input.Scalar, input.ElementTypeName, value);
        }

        return Values + "FormatArray<" + input.ElementTypeName + ">(" + value + ", static item => " + FormatScalar(input.Scalar, input.ElementTypeName, "item")
            + ", " + Bool(IsQuoted(input.Scalar)) + ")";
    }

    /// <summary>Whether the input's one value is text (dates and names included) rather than a JSON number, boolean or list.</summary>
    private static bool IsText(InputSpec input) => input.Collection == CollectionKind.None && input.Scalar is
        ScalarKind.String or ScalarKind.SecretName or ScalarKind.Enum or ScalarKind.Uri or
        ScalarKind.DateTime or ScalarKind.DateTimeOffset or ScalarKind.DateOnly or ScalarKind.TimeSpan;

    private static bool IsQuoted(ScalarKind scalar) =>
        scalar is not (ScalarKind.Boolean or >= ScalarKind.SByte and <= ScalarKind.Decimal);

    private static string FormatScalar(ScalarKind scalar, string typeName, string value) => scalar switch
    {
        ScalarKind.String => value,
        ScalarKind.Enum => Values + "FormatEnum<" + typeName + ">(" + value + ")",
        _ => Values + "Format(" + value + ")",
    };
}
