using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Maap.Algorithms.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Maap.Algorithms.Generator.Parsing;

/// <summary>Reads the <c>System.ComponentModel.DataAnnotations</c> rules that apply to one input.</summary>
internal static class ValueRuleParser
{
    private const string DataAnnotations = "System.ComponentModel.DataAnnotations";

    /// <summary>The rules on the parameter and on the property the record generates from it (<c>[property: …]</c>), that fit the input's type.</summary>
    public static List<ValueRuleSpec> Parse(IParameterSymbol parameter, InputType type)
    {
        var rules = new List<ValueRuleSpec>();
        var attributes = parameter.GetAttributes().AsEnumerable();

        // Only '[property: …]' puts rules on the generated property; asking the record for its members otherwise
        // would force all its synthesized members into existence, which is costly across many records.
        if (parameter.ContainingSymbol?.ContainingType is { } record && HasPropertyTargetedAttributes(parameter))
        {
            foreach (var property in record.GetMembers(parameter.Name).OfType<IPropertySymbol>())
            {
                attributes = attributes.Concat(property.GetAttributes());
            }
        }

        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { } cls && InputTypeClassifier.IsNamespace(cls.ContainingNamespace, DataAnnotations)
                && TryParse(attribute, cls.Name, type) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    private static bool HasPropertyTargetedAttributes(IParameterSymbol parameter)
    {
        foreach (var reference in parameter.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.ParameterSyntax syntax)
            {
                foreach (var list in syntax.AttributeLists)
                {
                    if (list.Target?.Identifier.IsKind(SyntaxKind.PropertyKeyword) == true)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static ValueRuleSpec? TryParse(AttributeData attribute, string name, InputType type)
    {
        var display = attribute.ApplicationSyntaxReference?.GetSyntax().ToString() ?? name;
        if (display.StartsWith("property:", StringComparison.Ordinal) || display.StartsWith("param:", StringComparison.Ordinal))
        {
            display = display.Substring(display.IndexOf(':') + 1).Trim();
        }

        var args = attribute.ConstructorArguments;
        var isCollection = type.Collection != CollectionKind.None;
        switch (name)
        {
            case "RangeAttribute" when type.IsNumeric:
                {
                    double? min, max;
                    if (args.Length == 2)
                    {
                        min = ToDouble(args[0].Value);
                        max = ToDouble(args[1].Value);
                    }
                    else if (args.Length == 3)
                    {
                        min = ParseDouble(args[1].Value as string);
                        max = ParseDouble(args[2].Value as string);
                    }
                    else
                    {
                        return null;
                    }

                    if (min is null || max is null)
                    {
                        return null;
                    }

                    return Rule(RuleKind.Range, display, ConstantText.Double(min.Value), ConstantText.Double(max.Value))
                        with
                    {
                        MinimumIsExclusive = AttributeArguments.Named(attribute, "MinimumIsExclusive") is true,
                        MaximumIsExclusive = AttributeArguments.Named(attribute, "MaximumIsExclusive") is true,
                    };
                }

            case "RegularExpressionAttribute" when type.IsStringLike && args.Length == 1 && args[0].Value is string pattern:
                return Rule(RuleKind.RegularExpression, display, null, null) with { Pattern = pattern };

            case "StringLengthAttribute" when type.IsStringLike && args.Length == 1 && args[0].Value is int max:
                return Rule(RuleKind.StringLength, display, Int(AttributeArguments.Named(attribute, "MinimumLength") as int? ?? 0), Int(max));

            case "MinLengthAttribute" when (type.IsStringLike || isCollection) && args.Length == 1 && args[0].Value is int min:
                return Rule(RuleKind.MinLength, display, Int(min), null);

            case "MaxLengthAttribute" when (type.IsStringLike || isCollection) && args.Length == 1 && args[0].Value is int max && max >= 0:
                return Rule(RuleKind.MaxLength, display, null, Int(max));

            case "AllowedValuesAttribute" or "DeniedValuesAttribute" when !isCollection && args.Length == 1 && args[0].Kind == TypedConstantKind.Array:
                {
                    var literals = new List<string>();
                    var texts = new List<string>();
                    foreach (var value in args[0].Values)
                    {
                        literals.Add(Literal(value));
                        texts.Add(Text(value));
                    }

                    if (literals.Count == 0)
                    {
                        return null;
                    }

                    return Rule(name == "AllowedValuesAttribute" ? RuleKind.AllowedValues : RuleKind.DeniedValues, display, null, null)
                        with
                    {
                        Values = new EquatableArray<string>(literals),
                        ValueTexts = new EquatableArray<string>(texts),
                    };
                }

            case "UrlAttribute" when type.Collection == CollectionKind.None && type.Scalar is ScalarKind.String or ScalarKind.Uri:
                return Rule(RuleKind.Url, display, null, null);

            default:
                return null;
        }
    }

    private static ValueRuleSpec Rule(RuleKind kind, string display, string? min, string? max) =>
        new(kind, display, min, max, false, false, null, EquatableArray<string>.Empty, EquatableArray<string>.Empty);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static double? ToDouble(object? value) => value switch
    {
        int i => i,
        double d => d,
        _ => null,
    };

    private static double? ParseDouble(string? text) =>
        text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A C# literal of the constant's own type, so <c>object.Equals</c> sees the same boxed type DataAnnotations would.</summary>
    private static string Literal(TypedConstant constant)
    {
        if (constant.IsNull || constant.Value is null)
        {
            return "null";
        }

        if (constant.Kind == TypedConstantKind.Enum && constant.Type is { } enumType)
        {
            return "(" + enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ")(" + Primitive(constant.Value) + ")";
        }

        return constant.Value switch
        {
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            bool b => b ? "true" : "false",
            byte v => "(byte)" + Primitive(v),
            sbyte v => "(sbyte)(" + Primitive(v) + ")",
            short v => "(short)(" + Primitive(v) + ")",
            ushort v => "(ushort)" + Primitive(v),
            uint v => Primitive(v) + "U",
            long v => Primitive(v) + "L",
            ulong v => Primitive(v) + "UL",
            float v => FloatLiteral(v.ToString("R", CultureInfo.InvariantCulture), "F", "float"),
            double v => FloatLiteral(ConstantText.Double(v), "D", "double"),
            decimal v => v.ToString(CultureInfo.InvariantCulture) + "M",
            _ => Primitive(constant.Value),
        };
    }

    private static string FloatLiteral(string text, string suffix, string type) => text switch
    {
        "NaN" => type + ".NaN",
        "Infinity" => type + ".PositiveInfinity",
        "-Infinity" => type + ".NegativeInfinity",
        _ => text + suffix,
    };

    private static string Primitive(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";

    private static string Text(TypedConstant constant)
    {
        if (constant.IsNull || constant.Value is null)
        {
            return "null";
        }

        if (constant.Kind == TypedConstantKind.Enum && constant.Type is INamedTypeSymbol enumType)
        {
            foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
            {
                if (field.HasConstantValue && Equals(field.ConstantValue, constant.Value))
                {
                    return field.Name;
                }
            }
        }

        return ConstantText.Of(constant.Value);
    }
}
