using Microsoft.Data.Sqlite;

namespace Maap.Dps.Emulator.Store;

/// <summary>Members, OGC processes and their deployments.</summary>
internal sealed partial class EmulatorStore
{
    private const string DeploymentColumns = "job_id, created, status, deployer, id, version, cwl, cwl_href, replaces, process_id, reported, reason";
    private const string ProcessColumns = "process_id, id, version, deployer, status, cwl, cwl_link, last_modified";

    /// <summary>The user's integer member id: given on first use, then the same for as long as the data directory lives.</summary>
    public int MemberId(string username)
    {
        Write("INSERT OR IGNORE INTO members (username) VALUES ($u)", ("$u", username));
        using var conn = OpenReader();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT id FROM members WHERE username = $u";
        cmd.Parameters.AddWithValue("$u", username);
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public DeploymentRow InsertDeployment(string created, string deployer, string id, string version, string cwl, string? cwlHref, int? replaces)
    {
        int jobId;
        lock (_writeLock)
        {
            using var cmd = _writer.CreateCommand();
            cmd.CommandText = "INSERT INTO ogc_deployments (created, status, deployer, id, version, cwl, cwl_href, replaces) VALUES ($c, 'accepted', $d, $i, $v, $cwl, $h, $r) RETURNING job_id";
            Bind(cmd, [("$c", created), ("$d", deployer), ("$i", id), ("$v", version), ("$cwl", cwl), ("$h", cwlHref), ("$r", replaces)]);
            jobId = Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return GetDeployment(jobId)!;
    }

    public DeploymentRow? GetDeployment(int jobId) =>
        ReadDeployments($"SELECT {DeploymentColumns} FROM ogc_deployments WHERE job_id = $j", ("$j", jobId)).FirstOrDefault();

    /// <summary>The deployer's deployments, newest first.</summary>
    public List<DeploymentRow> ListDeployments(string deployer) =>
        ReadDeployments($"SELECT {DeploymentColumns} FROM ogc_deployments WHERE deployer = $d ORDER BY job_id DESC", ("$d", deployer));

    /// <summary>Deployments not finished yet (accepted or running), oldest first: the work a start resumes.</summary>
    public List<DeploymentRow> UnfinishedDeployments() =>
        ReadDeployments($"SELECT {DeploymentColumns} FROM ogc_deployments WHERE status IN ('accepted', 'running') ORDER BY job_id");

    public bool SetDeploymentStatus(int jobId, string status, string? reason = null) =>
        Write("UPDATE ogc_deployments SET status = $s, reason = $r WHERE job_id = $j", ("$s", status), ("$r", reason), ("$j", jobId)) > 0;

    /// <summary>True exactly once per successful deployment: for the read that reports its success (MAAP's 201).</summary>
    public bool MarkDeploymentReported(int jobId) =>
        Write("UPDATE ogc_deployments SET reported = 1 WHERE job_id = $j AND status = 'successful' AND reported = 0", ("$j", jobId)) > 0;

    /// <summary>
    /// Ends a deployment successfully and creates its process, or updates the one it replaces, in one transaction;
    /// returns the processID. A first deploy whose id:version the deployer has deployed meanwhile fails with null.
    /// </summary>
    public int? CompleteDeployment(DeploymentRow deployment, string lastModified)
    {
        lock (_writeLock)
        {
            using var tx = _writer.BeginTransaction();
            int processId;
            using (var cmd = _writer.CreateCommand())
            {
                cmd.Transaction = tx;
                if (deployment.Replaces is { } replaced)
                {
                    cmd.CommandText = "UPDATE ogc_processes SET cwl = $cwl, cwl_link = $h, last_modified = $m WHERE process_id = $p";
                    Bind(cmd, [("$cwl", deployment.Cwl), ("$h", deployment.CwlHref), ("$m", lastModified), ("$p", replaced)]);
                    cmd.ExecuteNonQuery();
                    processId = replaced;
                }
                else
                {
                    cmd.CommandText = "INSERT INTO ogc_processes (id, version, deployer, status, cwl, cwl_link, last_modified) VALUES ($i, $v, $d, 'deployed', $cwl, $h, $m) RETURNING process_id";
                    Bind(cmd, [("$i", deployment.Id), ("$v", deployment.Version), ("$d", deployment.Deployer), ("$cwl", deployment.Cwl), ("$h", deployment.CwlHref), ("$m", lastModified)]);
                    try
                    {
                        processId = Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                    catch (SqliteException e) when (e.SqliteErrorCode == 19)
                    {
                        return null; // the unique (deployer, id, version) of deployed processes
                    }
                }
            }

            using (var cmd = _writer.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "UPDATE ogc_deployments SET status = 'successful', process_id = $p, reason = NULL WHERE job_id = $j";
                Bind(cmd, [("$p", processId), ("$j", deployment.JobId)]);
                cmd.ExecuteNonQuery();
            }

            tx.Commit();
            return processId;
        }
    }

    public List<OgcProcessRow> LoadProcesses() => ReadProcesses($"SELECT {ProcessColumns} FROM ogc_processes ORDER BY process_id");

    public OgcProcessRow? GetProcess(int processId) =>
        ReadProcesses($"SELECT {ProcessColumns} FROM ogc_processes WHERE process_id = $p", ("$p", processId)).FirstOrDefault();

    public bool UndeployProcess(int processId) =>
        Write("UPDATE ogc_processes SET status = 'undeployed' WHERE process_id = $p AND status = 'deployed'", ("$p", processId)) > 0;

    private List<DeploymentRow> ReadDeployments(string sql, params (string Name, object? Value)[] parameters)
    {
        using var conn = OpenReader();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        Bind(cmd, parameters);
        using var r = cmd.ExecuteReader();
        var rows = new List<DeploymentRow>();
        while (r.Read())
        {
            rows.Add(new DeploymentRow(
                r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetInt32(8), r.IsDBNull(9) ? null : r.GetInt32(9),
                r.GetInt32(10) != 0, r.IsDBNull(11) ? null : r.GetString(11)));
        }

        return rows;
    }

    private List<OgcProcessRow> ReadProcesses(string sql, params (string Name, object? Value)[] parameters)
    {
        using var conn = OpenReader();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        Bind(cmd, parameters);
        using var r = cmd.ExecuteReader();
        var rows = new List<OgcProcessRow>();
        while (r.Read())
        {
            rows.Add(new OgcProcessRow(
                r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7)));
        }

        return rows;
    }
}
