using System.Linq;
using Maap.Algorithms.Generator.Model;

namespace Maap.Algorithms.Generator.Emitting;

/// <summary><c>Validate()</c>: required inputs, defined enum values and each input's value rules.</summary>
internal static partial class AlgorithmEmitter
{
    private static void EmitValidate(SourceWriter w, AlgorithmSpec spec)
    {
        w.Line("/// <summary>Checks every input against its value rules.</summary>");
        w.Open("public void Validate()");
        var first = true;
        foreach (var input in spec.Inputs)
        {
            var member = "this." + Id(input.ParameterName);
            if (input.IsReferenceType && !input.IsNullable)
            {
                Separate(w, ref first);
                w.Start().Append(Ns + "MaapAlgorithmSupport.Require(").Append(member).Append(", ").Append(Literal(input.WireName)).Append(", ").Append(Literal(input.ParameterName)).End(");");
            }

            if (input.Scalar == ScalarKind.Enum)
            {
                // A cast such as (Mode)5 compiles but names no member: MAAP would get "5" and the job could not parse it back.
                Separate(w, ref first);
                w.Start().Append(Ns + "MaapAlgorithmSupport.").Append(input.Collection == CollectionKind.None ? "RequireDefined<" : "RequireDefinedItems<")
                    .Append(input.ElementTypeName).Append(">(").Append(member).Append(", ").Append(Literal(input.WireName)).Append(", ").Append(Literal(input.ParameterName)).End(");");
            }

            foreach (var rule in input.Rules)
            {
                var value = input.IsReferenceType ? member : input.IsNullable ? member + ".Value" : member;
                var guard = input.IsReferenceType ? member + " is not null && " : input.IsNullable ? member + ".HasValue && " : string.Empty;
                var condition = Broken(rule, value, input);
                Separate(w, ref first);
                w.Open("if (" + (guard.Length == 0 ? condition : guard + "(" + condition + ")") + ")");
                w.Line("throw new global::System.ArgumentException(" + Literal(RuleMessages.Broken(input.WireName, input.ParameterName, rule)) + ", " + Literal(input.ParameterName) + ");");
                w.Close();
            }
        }

        w.Close();
        w.Line();
    }

    private static void Separate(SourceWriter w, ref bool first)
    {
        if (!first)
        {
            w.Line();
        }

        first = false;
    }

    /// <summary>A C# condition that is true when <paramref name="v"/> breaks the rule.</summary>
    private static string Broken(ValueRuleSpec rule, string v, InputSpec input)
    {
        switch (rule.Kind)
        {
            case RuleKind.Range:
                var number = "(double)" + v;
                return number + (rule.MinimumIsExclusive ? " <= " : " < ") + DoubleLiteral(rule.Minimum!) + " || "
                    + number + (rule.MaximumIsExclusive ? " >= " : " > ") + DoubleLiteral(rule.Maximum!);
            case RuleKind.RegularExpression:
                // DataAnnotations' RegularExpressionAttribute passes the empty string (as it does null).
                return v + ".Length != 0 && !global::System.Text.RegularExpressions.Regex.IsMatch(" + v + ", " + Literal("^(?:" + rule.Pattern + ")\\z") + ")";
            case RuleKind.StringLength:
                return v + ".Length < " + rule.Minimum + " || " + v + ".Length > " + rule.Maximum;
            case RuleKind.MinLength:
                return Length(v, input) + " < " + rule.Minimum;
            case RuleKind.MaxLength:
                return Length(v, input) + " > " + rule.Maximum;
            case RuleKind.AllowedValues:
                return "!(" + string.Join(" || ", rule.Values.Select(l => "global::System.Object.Equals(" + v + ", " + l + ")")) + ")";
            case RuleKind.DeniedValues:
                return string.Join(" || ", rule.Values.Select(l => "global::System.Object.Equals(" + v + ", " + l + ")"));
            case RuleKind.Url:
                var text = input.Scalar == ScalarKind.Uri ? v + ".OriginalString" : v;
                return "!(" + text + ".StartsWith(\"http://\", global::System.StringComparison.OrdinalIgnoreCase) || "
                    + text + ".StartsWith(\"https://\", global::System.StringComparison.OrdinalIgnoreCase) || "
                    + text + ".StartsWith(\"ftp://\", global::System.StringComparison.OrdinalIgnoreCase))";
            default:
                return "false";
        }
    }

    private static string Length(string v, InputSpec input) =>
        input.Collection == CollectionKind.None ? v + ".Length" : "global::System.Linq.Enumerable.Count(" + v + ")";

    private static string DoubleLiteral(string invariant) => invariant switch
    {
        "NaN" => "double.NaN",
        "Infinity" => "double.PositiveInfinity",
        "-Infinity" => "double.NegativeInfinity",
        _ => invariant + "D",
    };
}
