using Maap.Algorithms.Generator.Model;

namespace Maap.Algorithms.Generator.Emitting;

/// <summary>The nested <c>Job</c> class: a <c>MaapJob</c> that knows its algorithm.</summary>
internal static partial class AlgorithmEmitter
{
    private static void EmitJob(SourceWriter w, AlgorithmSpec spec)
    {
        var id = Xml(spec.AlgorithmId);
        var version = Xml(spec.Version);
        w.Block($$"""
            /// <summary>A DPS job of <c>{{id}}:{{version}}</c>.</summary>
            public sealed class Job : {{Ns}}MaapJob
            {
                internal Job({{Ns}}MaapJob job)
                    : base(job)
                {
                }

                /// <summary>The algorithm this job runs, <c>{{id}}</c>.</summary>
                public string AlgorithmId => {{spec.FullyQualifiedName}}.AlgorithmId;

                /// <summary>The algorithm version this job runs, <c>{{version}}</c>.</summary>
                public string AlgorithmVersion => {{spec.FullyQualifiedName}}.AlgorithmVersion;

                /// <summary>Attaches to an existing job by id.</summary>
                public static Job Attach({{Ns}}MaapClient client, string id) => {{Support}}Attach(client, id, static job => new Job(job));
            }
            """);
    }
}
