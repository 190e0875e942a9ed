using System.Text.Json.Serialization;

namespace Maap.Dps.Emulator;

/// <summary>Source-generated JSON metadata: the emulator uses no reflection-based serialization.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
