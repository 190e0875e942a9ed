namespace Maap.Algorithms.Generator.Model;

/// <summary>The supported value types; the name doubles as the runtime's <c>MaapInputValues.Parse{Name}</c> suffix.</summary>
internal enum ScalarKind
{
    String,
    Boolean,
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeSpan,
    Uri,
    SecretName,
    Enum,
}
