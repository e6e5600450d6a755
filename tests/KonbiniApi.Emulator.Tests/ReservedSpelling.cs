using System.Globalization;

namespace KonbiniApi.Emulator.Tests;

/// <summary>How a test spells a reserved scenario for a route's subject: as a name (emu.list.40, or emu_list_40
/// where dots are not allowed) or as a 19-digit 99SS... ID.</summary>
internal static class ReservedSpelling
{
    /// <param name="scenario">list, empty, repeat, hole, hollow, fail or notfound.</param>
    /// <param name="number">The list length (list) or the failing page (fail).</param>
    public static string Id(string scenario, long number = 0) => scenario switch
    {
        "list" => "9900" + number.ToString("D15", CultureInfo.InvariantCulture),
        "empty" => "9901000000000000000",
        "repeat" => "9902000000000000000",
        "hole" => "9903000000000000000",
        "hollow" => "9904000000000000000",
        "fail" => "9905" + number.ToString("D15", CultureInfo.InvariantCulture),
        _ => "9906000000000000000",
    };

    /// <param name="scenario">As for <see cref="Id"/>.</param>
    /// <param name="number">As for <see cref="Id"/>.</param>
    /// <param name="separator">'.' or, for subjects that cannot hold one, '_'.</param>
    public static string Name(string scenario, long number = 0, char separator = '.') => (scenario switch
    {
        "list" => "emu.list." + number.ToString(CultureInfo.InvariantCulture),
        "empty" => "emu.list.empty",
        "repeat" => "emu.page.repeat",
        "hole" => "emu.page.hole",
        "hollow" => "emu.page.hollow",
        "fail" => "emu.page.fail." + number.ToString(CultureInfo.InvariantCulture),
        _ => "emu.notfound",
    }).Replace('.', separator);
}
