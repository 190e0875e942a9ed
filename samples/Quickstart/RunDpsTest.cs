using Maap.Algorithms;

namespace Quickstart;

/// <summary>MAAP's DPS smoke test, the example of MAAP's jobs guide: waits 10 s and copies its input file to output/.</summary>
[MaapAlgorithm("run-dps-test_ubuntu", "delay10", Queue = "maap-dps-worker-8gb")]
public partial record RunDpsTest([FileInput] Uri InputFile);
