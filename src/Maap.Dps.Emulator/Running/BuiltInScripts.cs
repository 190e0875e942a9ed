namespace Maap.Dps.Emulator.Running;

/// <summary>Scripts shipped with the emulator.</summary>
internal static class BuiltInScripts
{
    /// <summary>
    /// The built-in <c>run-dps-test_ubuntu:delay10</c>: like MAAP's DPS unit test it waits ten seconds and then copies
    /// its localized <c>input_file</c> into <c>output/</c>.
    /// </summary>
    public const string RunDpsTest = """
        #!/usr/bin/env bash
        # Built into the MAAP DPS emulator: behaves like MAAP's DPS unit test (run-dps-test_ubuntu:delay10).
        set -euo pipefail
        echo "run-dps-test_ubuntu: sleeping 10 seconds"
        sleep 10
        mkdir -p output
        cp -v input/* output/
        echo "run-dps-test_ubuntu: done"

        """;
}
