using System.Text;

namespace Maap.Algorithms.Generator.Tests.Infrastructure;

/// <summary>
/// Approved-file snapshots: <c>Snapshots/{name}.verified.cs</c> beside the tests. A mismatch writes
/// <c>{name}.received.cs</c> and fails with the first differing lines; <c>MAAP_ACCEPT_SNAPSHOTS=1</c>
/// accepts the received text instead.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, string name)
    {
        var folder = Path.Combine(DiagnosticTests.RepoRoot(), "tests", "Maap.Algorithms.Generator.Tests", "Snapshots");
        Directory.CreateDirectory(folder);
        var verified = Path.Combine(folder, name + ".verified.cs");
        var received = Path.Combine(folder, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n");
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable("MAAP_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No approved snapshot {verified}; review {received} and rerun with MAAP_ACCEPT_SNAPSHOTS=1 to accept it."
            : $"Snapshot {name} differs; review {received} (MAAP_ACCEPT_SNAPSHOTS=1 accepts it).\n" + Diff(expected, actual));
    }

    private static string Diff(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var text = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(e.Length, a.Length) && shown < 20; i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right)
            {
                text.Append("line ").Append(i + 1).Append("\n- ").Append(left).Append("\n+ ").Append(right).Append('\n');
                shown++;
            }
        }

        return text.ToString();
    }
}
