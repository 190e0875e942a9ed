using System;
using System.Globalization;
using Maap.Algorithms.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Maap.Algorithms.Generator.Parsing;

/// <summary>
/// A compile-time constant as the text the runtime's <c>MaapInputValues.Format</c> sends for it. The one formatting
/// behind a registered default, a rule's <c>AllowedValues</c>/<c>DeniedValues</c> texts and the constant MAAP0011 and
/// MAAP0015 compare with them, so the three agree.
/// </summary>
internal static class ConstantText
{
    public static string Of(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => Double(d),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>A double that reads back to the same value, in invariant culture (<c>NaN</c>, <c>Infinity</c> as .NET writes them).</summary>
    public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The registered default of a parameter, or null when it has none (or a null one, which makes the input optional).</summary>
    public static string? Default(IParameterSymbol parameter, InputType type)
    {
        if (!parameter.HasExplicitDefaultValue || type.Collection != CollectionKind.None)
        {
            return null;
        }

        var value = parameter.ExplicitDefaultValue;
        if (value is null)
        {
            // 'T x = default' on a non-nullable value type registers default(T); a null default means "optional".
            if (type.IsNullable || !parameter.Type.IsValueType)
            {
                return null;
            }

            value = type.Scalar switch
            {
                ScalarKind.Boolean => false,
                ScalarKind.DateTime => "0001-01-01T00:00:00.0000000",
                ScalarKind.DateTimeOffset => "0001-01-01T00:00:00.0000000+00:00",
                ScalarKind.DateOnly => "0001-01-01",
                ScalarKind.TimeSpan => "00:00:00",
                _ => 0,
            };
        }

        if (type.Scalar == ScalarKind.Enum && type.Element is INamedTypeSymbol enumType)
        {
            return EnumConstants.Text(enumType, value);
        }

        return Of(value);
    }
}
