using Maap.Algorithms.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace Maap.Algorithms.Generator.Tests;

/// <summary>Enum defaults of every underlying type, including ulong constants above long.MaxValue and negative ones.</summary>
public sealed class EnumUnderlyingTypeTests
{
    private const string Source = """
        using System;
        using Maap.Algorithms;

        namespace Science
        {
            public enum U64 : ulong { Small = 1, Big = ulong.MaxValue }
            [Flags] public enum F64 : ulong { None = 0, Low = 1, High = 0x8000000000000000 }
            public enum S8 : sbyte { Low = -128, Zero = 0 }
            [Flags] public enum FS8 : sbyte { A = 1, Sign = -128 }
            public enum S16 : short { Low = -32768 }
            public enum S32 { Low = -5 }
            public enum S64 : long { Min = long.MinValue, One = 1 }
            public enum U8 : byte { Max = 255 }

            [MaapAlgorithm("enum-types", "1", Queue = "q")]
            public partial record EnumTypes(
                U64 Big = U64.Big,
                F64 Both = F64.Low | F64.High,
                U64 Unnamed = (U64)0xFFFFFFFFFFFFFFFE,
                S8 S8 = S8.Low,
                FS8 Signed = FS8.A | FS8.Sign,
                S16 S16 = S16.Low,
                S32 S32 = S32.Low,
                S32 S32Unnamed = (S32)(-7),
                S64 S64 = S64.Min,
                U8 U8 = U8.Max,
                U64 Zero = default);

            public static class EnumTypesProbe
            {
                public static System.Collections.Generic.IReadOnlyList<Maap.Algorithms.MaapInputMetadata> Metadata() => EnumTypes.InputMetadata;

                // The two unnamed defaults and default(U64) name no member, which Validate() rejects.
                public static Maap.Algorithms.JobRequest Request() => new EnumTypes(Unnamed: U64.Small, S32Unnamed: S32.Low, Zero: U64.Small).ToJobRequest();
            }
        }
        """;

    [Fact]
    public void The_generator_registers_every_enum_default_as_Enum_ToString_writes_it()
    {
        var run = GeneratorHarness.Run(LanguageVersion.Latest, Source);
        Assert.Empty(run.Diagnostics);

        var assembly = CompiledAlgorithms.Load(Source);
        var defaults = ((IReadOnlyList<MaapInputMetadata>)assembly.Call("Science.EnumTypesProbe", "Metadata")!).Select(m => m.Name + "=" + m.DefaultValue);

        Assert.Equal(
            new[]
            {
                "big=Big", "both=Low, High", "unnamed=18446744073709551614", "s8=Low", "signed=A, Sign", "s16=Low", "s32=Low",
                "s32_unnamed=-7", "s64=Min", "u8=Max", "zero=0",
            },
            defaults);
        // What the runtime sends for the same values is what the registration says.
        var sent = ((JobRequest)assembly.Call("Science.EnumTypesProbe", "Request")!).Inputs.Where(i => i.Name != "unnamed" && i.Name != "s32_unnamed" && i.Name != "zero");
        Assert.All(sent, i => Assert.Contains(i.Name + "=" + i.Value, defaults));
    }
}
