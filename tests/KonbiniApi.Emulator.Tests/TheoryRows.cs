using System;
using System.Collections.Generic;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

/// <summary>Route tables hand xunit row names, not rows, so each case is listed by the route it tests.</summary>
internal static class TheoryRows
{
    public static TheoryData<string> Names<T>(IEnumerable<T> rows, Func<T, string> name)
    {
        var data = new TheoryData<string>();
        foreach (var row in rows)
        {
            data.Add(name(row));
        }

        return data;
    }
}
