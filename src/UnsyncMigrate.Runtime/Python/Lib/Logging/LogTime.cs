using System.Globalization;
using System.Text;

namespace UnsyncMigrate.Runtime.Python.Lib.Logging;

/// <summary>
/// <c>time.strftime(fmt, time.localtime(created))</c> as <c>Formatter.formatTime</c> uses it: the
/// C library's directives in the C locale (what CPython prints unless the program sets a locale).
/// </summary>
internal static class LogTime
{
    public static string Strftime(string fmt, DateTime local)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        for (int i = 0; i < fmt.Length; i++)
        {
            char c = fmt[i];
            if (c != '%' || i + 1 == fmt.Length) { sb.Append(c); continue; }
            char d = fmt[++i];
            sb.Append(d switch
            {
                'Y' => local.Year.ToString(inv),
                'y' => (local.Year % 100).ToString("00", inv),
                'm' => local.Month.ToString("00", inv),
                'd' => local.Day.ToString("00", inv),
                'e' => local.Day.ToString(inv).PadLeft(2),
                'H' => local.Hour.ToString("00", inv),
                'I' => ((local.Hour + 11) % 12 + 1).ToString("00", inv),
                'M' => local.Minute.ToString("00", inv),
                'S' => local.Second.ToString("00", inv),
                'p' => local.Hour < 12 ? "AM" : "PM",
                'j' => local.DayOfYear.ToString("000", inv),
                'a' => local.ToString("ddd", inv),
                'A' => local.ToString("dddd", inv),
                'b' or 'h' => local.ToString("MMM", inv),
                'B' => local.ToString("MMMM", inv),
                'w' => ((int)local.DayOfWeek).ToString(inv),
                'u' => (local.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)local.DayOfWeek).ToString(inv),
                'F' => local.ToString("yyyy-MM-dd", inv),
                'T' => local.ToString("HH:mm:ss", inv),
                'D' => local.ToString("MM/dd/yy", inv),
                'R' => local.ToString("HH:mm", inv),
                'c' => local.ToString("ddd MMM ", inv) + local.Day.ToString(inv).PadLeft(2) + local.ToString(" HH:mm:ss yyyy", inv),
                'x' => local.ToString("MM/dd/yy", inv),
                'X' => local.ToString("HH:mm:ss", inv),
                'z' => Offset(local),
                'Z' => TimeZoneInfo.Local.IsDaylightSavingTime(local) ? TimeZoneInfo.Local.DaylightName : TimeZoneInfo.Local.StandardName,
                'n' => "\n",
                't' => "\t",
                '%' => "%",
                _ => "%" + d,
            });
        }
        return sb.ToString();
    }

    static string Offset(DateTime local)
    {
        var off = TimeZoneInfo.Local.GetUtcOffset(local);
        return (off < TimeSpan.Zero ? "-" : "+") + off.Duration().ToString("hhmm", CultureInfo.InvariantCulture);
    }
}
