using System.Linq;
using Maap.Algorithms.Generator.Model;

namespace Maap.Algorithms.Generator.Emitting;

/// <summary><c>Get{Name}SecretAsync</c> per <c>[MaapSecret]</c> and <c>Get{Parameter}ValueAsync</c> per <c>SecretName</c> input.</summary>
internal static partial class AlgorithmEmitter
{
    private static void EmitSecrets(SourceWriter w, AlgorithmSpec spec)
    {
        foreach (var secret in spec.Secrets)
        {
            var description = secret.Description is null ? string.Empty : " " + Xml(secret.Description);
            w.Block($$"""
                /// <summary>Fetches secret <c>{{Xml(secret.Name)}}</c> as the job's user, once per process.{{description}}</summary>
                public static global::System.Threading.Tasks.Task<string> {{GeneratedMembers.GetPrefix}}{{secret.AccessorName}}{{GeneratedMembers.SecretSuffix}}({{Ns}}DpsJobContext context, global::System.Threading.CancellationToken cancellationToken = default)
                {
                    global::System.ArgumentNullException.ThrowIfNull(context);
                    return context.GetSecretAsync({{Literal(secret.Name)}}, cancellationToken);
                }

                """);
        }

        foreach (var input in spec.Inputs.Where(GeneratedMembers.HasValueMethod))
        {
            var member = "this." + Id(input.ParameterName);
            w.Block($$"""
                /// <summary>Fetches the secret named by input <c>{{Xml(input.WireName)}}</c> as the job's user, once per process.</summary>
                public global::System.Threading.Tasks.Task<string> {{GeneratedMembers.GetPrefix}}{{input.ParameterName}}{{GeneratedMembers.ValueSuffix}}({{Ns}}DpsJobContext context, global::System.Threading.CancellationToken cancellationToken = default)
                {
                    global::System.ArgumentNullException.ThrowIfNull(context);
                    if ({{member}} is null)
                    {
                        throw new global::System.InvalidOperationException({{Literal("Input '" + input.WireName + "' names no secret.")}});
                    }

                    return context.GetSecretAsync({{member}}.Value, cancellationToken);
                }

                """);
        }
    }
}
