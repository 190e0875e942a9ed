using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Maap.Algorithms.Generator.Parsing;

/// <summary>Enum constants read as the runtime reads them: <c>Enum.ToString</c>'s text and <c>MaapInputValues.IsDefinedEnum</c>'s rule.</summary>
internal static class EnumConstants
{
    public static bool IsFlags(INamedTypeSymbol enumType) =>
        enumType.GetAttributes().Any(a => a.AttributeClass is { Name: "FlagsAttribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } });

    /// <summary>The text <c>Enum.ToString()</c> gives for a constant: the member's name, <c>A, B</c> for a [Flags] combination, else the number.</summary>
    public static string Text(INamedTypeSymbol enumType, object value)
    {
        var bits = Bits(value);
        var members = new List<(string Name, ulong Bits)>();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.HasConstantValue && field.ConstantValue is not null)
            {
                var member = (field.Name, Bits(field.ConstantValue));
                if (member.Item2 == bits)
                {
                    return field.Name;
                }

                members.Add(member);
            }
        }

        if (IsFlags(enumType) && bits != 0)
        {
            // Enum.ToString's flags walk: from the largest member down, take each one whose bits are all still set;
            // names come out smallest first. Any bit left over makes it a number.
            var found = new List<string>();
            var rest = bits;
            foreach (var member in members.Where(m => m.Bits != 0).OrderByDescending(m => m.Bits))
            {
                if ((rest & member.Bits) == member.Bits)
                {
                    rest -= member.Bits;
                    found.Add(member.Name);
                    if (rest == 0)
                    {
                        break;
                    }
                }
            }

            if (rest == 0)
            {
                found.Reverse();
                return string.Join(", ", found);
            }
        }

        return Convert.ToString(value, CultureInfo.InvariantCulture)!;
    }

    /// <summary>
    /// True when the constant <paramref name="value"/> of <paramref name="enumType"/> names no member or, for a
    /// <c>[Flags]</c> enum, sets a bit no member covers: what the runtime's <c>MaapInputValues.IsDefinedEnum</c> rejects.
    /// </summary>
    public static bool IsUndefined(INamedTypeSymbol enumType, object? value, out bool isFlags)
    {
        isFlags = IsFlags(enumType);
        if (value is null)
        {
            return false;
        }

        var bits = Bits(value);
        var covered = 0UL;
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } constant })
            {
                var memberBits = Bits(constant);
                if (memberBits == bits)
                {
                    return false;
                }

                covered |= memberBits;
            }
        }

        return !isFlags || (bits & ~covered) != 0;
    }

    /// <summary>An enum constant's bits: unsigned types as they are, signed ones sign-extended (the same for every member), never throwing.</summary>
    public static ulong Bits(object value) => value switch
    {
        ulong u => u,
        uint u => u,
        ushort u => u,
        byte u => u,
        char c => c,
        long l => unchecked((ulong)l),
        int i => unchecked((ulong)(long)i),
        short s => unchecked((ulong)(long)s),
        sbyte s => unchecked((ulong)(long)s),
        _ => unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture)),
    };
}
