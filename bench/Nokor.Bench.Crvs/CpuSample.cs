using System.Globalization;

namespace Nokor.Bench.Crvs;

/// <summary>
/// CPU time from /proc (Linux): the whole machine, the web host, this load generator and the
/// PostgreSQL processes, so a run can say who used the two cores. Jiffies at USER_HZ = 100.
/// </summary>
internal sealed record CpuSample(long At, double BusySeconds, double IdleSeconds, double HostSeconds, double SelfSeconds, double PostgresSeconds)
{
    private const double Hz = 100;

    public static CpuSample Take(int? hostPid)
    {
        double busy = 0, idle = 0;
        if (File.Exists("/proc/stat"))
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal (guest time is already in user).
            idle = (cpu[3] + cpu[4]) / Hz;
            busy = (cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + (cpu.Length > 7 ? cpu[7] : 0)) / Hz;
        }

        var postgres = 0.0;
        if (Directory.Exists("/proc"))
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), out var pid) && Process(pid) is { Comm: "postgres" } p)
                {
                    postgres += p.Seconds;
                }
            }
        }

        return new CpuSample(System.Diagnostics.Stopwatch.GetTimestamp(), busy, idle,
            hostPid is { } h ? Process(h)?.Seconds ?? 0 : 0, Process(Environment.ProcessId)?.Seconds ?? 0, postgres);
    }

    private static (string Comm, double Seconds)? Process(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            // After "pid (comm) ": state is field 3, utime 14 and stime 15 of the full line.
            var utime = double.Parse(fields[11], CultureInfo.InvariantCulture);
            var stime = double.Parse(fields[12], CultureInfo.InvariantCulture);
            return (stat[(open + 1)..close], (utime + stime) / Hz);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Who used the machine between two samples, in cores (1.0 = one core busy the whole time).</summary>
    public static string Describe(CpuSample a, CpuSample b)
    {
        var wall = System.Diagnostics.Stopwatch.GetElapsedTime(a.At, b.At).TotalSeconds;
        double Cores(double seconds) => seconds / wall;
        var busy = b.BusySeconds - a.BusySeconds;
        var host = b.HostSeconds - a.HostSeconds;
        var self = b.SelfSeconds - a.SelfSeconds;
        var pg = b.PostgresSeconds - a.PostgresSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU over {wall:F0} s, in cores of {Environment.ProcessorCount}: machine busy {Cores(busy):F2} (idle {Cores(b.IdleSeconds - a.IdleSeconds):F2}); " +
            $"web host {Cores(host):F2}, PostgreSQL {Cores(pg):F2}, load generator {Cores(self):F2}, everything else {Cores(busy - host - pg - self):F2}");
    }
}
