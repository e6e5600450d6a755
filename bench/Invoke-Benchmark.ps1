#Requires -Version 7.0
<#
.SYNOPSIS
    Measures bulk lookups with KonbiniApi against the local emulator, side by side with what people
    would otherwise write (Invoke-RestMethod in a loop, ForEach-Object -Parallel).

.DESCRIPTION
    Scenarios (see bench/README.md):
      S1  1,000 distinct users at 200 ms emulator latency: module (default throttle, -ThrottleLimit 32),
          ForEach-Object -Parallel + Invoke-RestMethod (-ThrottleLimit 32), a plain foreach loop
          (100 users, scaled to 1,000 and labelled so), and the ideal 1,000 x 200 ms / throttle.
      S2  5,000 lookups at zero latency: objects per second of the module, the loop and -Parallel.
      S3  Import-Module of the built module in a fresh pwsh, minus a bare pwsh start (median of 10).
      S4  Working set while 20,000 lookups stream to Out-Null: growth between item 1,000 and the last,
          and the trend over all 20 samples.
      S5  The default throttle's evidence: 400 users at 200 ms and 5,000 at zero latency, at
          -ThrottleLimit 4, 8, 16, 32 and 64.
      S1 also times 400 users at -ThrottleLimit 32 against the ideal 400 x 200 ms / 32 = 2.5 s, and counts
          the credits that `| Select-Object -First 3` costs on 400 names (Get-EmulatorCharged after a reset).
      S6  Lists: Get-KonbiniTikTokVideo -Username of 50 users (1,000 videos each) -First 140 (4 pages of 35)
          at 200 ms latency and -ThrottleLimit 16: 200 requests, 7,000 objects, against 200 x 200 ms / 16;
          the first list this process reads (the target), then the same again with 50 other users.
      S7  Streaming a long list: Get-KonbiniTikTokFollower -Username emu.list.100000 -All at zero latency
          into a counter: items per second (3,334 requests, 100,000 objects), then the same in a fresh
          pwsh with working set and managed heap sampled after a full GC every 5,000 items.
      S8  Downloads: Save-KonbiniTikTokVideo of 20 files of 20 MB from the emulator's stand-in CDN at
          -ThrottleLimit 8, and curl --parallel --parallel-max 8 fetching 20 fresh URLs of the same
          videos; MB/s of both (median of 5 alternating rounds), file sizes checked, files deleted.
      S9  Reddit batches: 1,000 post IDs (read from a subreddit's listing first) at 200 ms latency and
          -ThrottleLimit 16, looked up by Get-KonbiniRedditPost -PostId (batched: POSTs of up to 100 IDs)
          against the same IDs as 1,000 single GETs through Invoke-KonbiniApi at the same throttle:
          requests, seconds and credits side by side, every post checked to come back.
      E1  The emulator itself: 64 connections asking one route as fast as they can for 3 s each (a user
          profile, full pages of followers, videos, comments and search; the same request again and again,
          and for the routes that allow it a new user or query each time; then a profile and a first page
          on each other platform), after one warm-up second per route. Requests per second, kilobytes per
          response, megabytes per second and the emulator's CPU milliseconds per request (its processor
          time over the run, so a busy machine shows in the first figure more than in the second).
          Then the module reads 400 new searches (a page of up to 100 videos each) at zero latency, at
          -ThrottleLimit 16 and 64: its pages per second against the emulator's own rate on that route, and
          the emulator's share of the machine while it ran.
          Target: at least 5,000 requests a second, and never the part a module run waits for.

    Prints a table and writes the figures as JSON to bench/results/<UTC time>.json and latest.json.
    A benchmark, not a test: it asserts nothing, it reports the targets next to the figures.

.EXAMPLE
    dotnet pwsh ./build.ps1 Bench

.EXAMPLE
    dotnet pwsh ./build.ps1 Bench -BenchScenario S2

.EXAMPLE
    ./bench/Invoke-Benchmark.ps1 -Scenario S6, S7, S8   # after `dotnet pwsh ./build.ps1 Build`
#>
[CmdletBinding()]
param(
    [ValidateSet('S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'E1')]
    [string[]] $Scenario = @('S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'E1'),

    [string] $OutputPath = (Join-Path $PSScriptRoot 'results')
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

Import-Module (Join-Path $PSScriptRoot '../tests/Pester/Emulator.psm1') -Force
$modulePath = Get-TestModulePath
Import-Module $modulePath -Force
$key = 'knbn_emulator'
$secureKey = ConvertTo-SecureString $key -AsPlainText -Force
$pwshArgs = @([Environment]::GetCommandLineArgs()[0])
$pwshHost = [Environment]::ProcessPath
$rows = [System.Collections.Generic.List[object]]::new()
$script:S4Samples = $null
$script:S4HeapSamples = $null
$script:S7Samples = $null
$script:S7HeapSamples = $null
$script:S6Timing = $null
$script:S8Rounds = $null

function Add-Row([string] $Id, [string] $Case, [double] $Seconds, [int] $Items, [string] $Note = '', [double] $Value = [double]::NaN, [string] $Unit = '') {
    $rows.Add([pscustomobject]@{
            Scenario = $Id
            Case = $Case
            Items = $Items
            Seconds = [math]::Round($Seconds, 3)
            PerSecond = if ($Seconds -gt 0) { [math]::Round($Items / $Seconds, 1) } else { $null }
            Value = if ([double]::IsNaN($Value)) { $null } else { [math]::Round($Value, 2) }
            Unit = $Unit
            Note = $Note
        })
    Write-Host ('  {0} {1,-48} {2,8:N3} s  {3}' -f $Id, $Case, $Seconds, $Note)
}

function Measure-Seconds([scriptblock] $Action) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & $Action
    $watch.Stop()
    return $watch.Elapsed.TotalSeconds
}

# Runs the module over $Names and returns the seconds taken, after checking that every name came back
# as an object and that the emulator saw exactly one request per name (so a figure is never the
# product of work skipped or doubled).
function Measure-ModuleRun([string[]] $Names, [hashtable] $Parameters = @{}) {
    $before = (Get-EmulatorStats).totalRequests
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $objects = $Names | Get-KonbiniTikTokUser @Parameters
    $watch.Stop()
    $requests = (Get-EmulatorStats).totalRequests - $before
    if (@($objects).Count -ne $Names.Count -or $requests -ne $Names.Count) {
        throw "Module run checked wrong: $(@($objects).Count) objects and $requests requests for $($Names.Count) names."
    }
    return $watch.Elapsed.TotalSeconds
}

# Times $Action, which returns how many objects the module wrote, and checks that count and the number
# of API requests the emulator saw against what the scenario must produce, as Measure-ModuleRun does.
function Measure-CheckedRun([string] $Id, [int] $Objects, [int] $Requests, [scriptblock] $Action) {
    $before = (Get-EmulatorStats).totalRequests
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $count = & $Action
    $watch.Stop()
    $seen = (Get-EmulatorStats).totalRequests - $before
    if ($count -ne $Objects -or $seen -ne $Requests) {
        throw "$Id run checked wrong: $count objects and $seen requests, expected $Objects and $Requests."
    }
    return $watch.Elapsed.TotalSeconds
}

# Waits until the emulator has no API request in flight (cancelled requests settle, and are refunded,
# a moment after the client lets go of them).
function Wait-EmulatorIdle {
    $deadline = [DateTime]::UtcNow.AddSeconds(15)
    while ((Get-EmulatorStats).inFlight -gt 0) {
        if ([DateTime]::UtcNow -gt $deadline) { throw 'The emulator still has requests in flight after 15 s.' }
        Start-Sleep -Milliseconds 50
    }
}

# Least-squares slope of a series of samples, per sample.
function Get-Slope([double[]] $Values) {
    $meanX = ($Values.Count + 1) / 2
    $meanY = ($Values | Measure-Object -Average).Average
    $num = 0.0; $den = 0.0
    for ($j = 0; $j -lt $Values.Count; $j++) { $num += ($j + 1 - $meanX) * ($Values[$j] - $meanY); $den += ($j + 1 - $meanX) * ($j + 1 - $meanX) }
    return $num / $den
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $middle = [math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$middle] }
    return ($sorted[$middle - 1] + $sorted[$middle]) / 2
}

function Get-Names([string] $Prefix, [int] $Count) {
    # Distinct, valid handles, so that the module's de-duplication never shortens the run.
    for ($i = 0; $i -lt $Count; $i++) { '{0}_{1}' -f $Prefix, $i }
}

# S3 runs first, before the emulator starts: it times process starts, which leftover work from the
# heavy scenarios (an emulator with open connections, runspaces being torn down) would blur.
if ('S3' -in $Scenario) {
    Write-Host 'S3: Import-Module in a fresh pwsh (median of 10)'
    # Bare and importing starts alternate, so that a drift in machine load touches both alike.
    $bare = [System.Collections.Generic.List[double]]::new()
    $import = [System.Collections.Generic.List[double]]::new()
    foreach ($i in 1..10) {
        $bare.Add((Measure-Seconds { & $pwshHost @pwshArgs -NoProfile -NoLogo -NonInteractive -Command 'exit 0' }))
        $import.Add((Measure-Seconds { & $pwshHost @pwshArgs -NoProfile -NoLogo -NonInteractive -Command "Import-Module '$modulePath'; exit 0" }))
    }
    $median = { param($values) $sorted = @($values | Sort-Object); ($sorted[4] + $sorted[5]) / 2 }
    $bareMedian = & $median $bare
    $importMedian = & $median $import
    $cost = $importMedian - $bareMedian
    Add-Row 'S3' 'bare pwsh start' $bareMedian 1
    Add-Row 'S3' 'pwsh start + Import-Module' $importMedian 1
    Add-Row 'S3' 'Import-Module cost' $cost 1 ('{0:N0} ms, target < 150 ms' -f ($cost * 1000)) ($cost * 1000) 'ms'
}

$emulator = Start-TestEmulator -Arguments '--latency-ms', '0'
$base = $emulator.BaseUri.TrimEnd('/')
Set-KonbiniApiKey -ApiKey $secureKey -BaseUri $base
$headers = @{ Authorization = "Bearer $key" }
try {
    if ('S1' -in $Scenario) {
        Write-Host 'S1: 1,000 users at 200 ms latency'
        Set-EmulatorConfig -Settings @{ latencyMs = 200; jitterMs = 0 }
        $defaultThrottle = (Get-KonbiniConfiguration).ThrottleLimit
        $seconds = Measure-ModuleRun @(Get-Names 's1a' 1000)
        Add-Row 'S1' "module, default throttle ($defaultThrottle)" $seconds 1000 ('{0:N2}x its ideal; 1,000 objects, 1,000 requests' -f ($seconds / (1000 * 0.2 / $defaultThrottle)))
        $seconds = Measure-ModuleRun @(Get-Names 's1b' 1000) @{ ThrottleLimit = 32 }
        Add-Row 'S1' 'module, -ThrottleLimit 32' $seconds 1000 ('{0:N2}x the ideal; 1,000 objects, 1,000 requests' -f ($seconds / (1000 * 0.2 / 32)))
        $names = @(Get-Names 's1c' 1000)
        $seconds = Measure-Seconds {
            $names | ForEach-Object -ThrottleLimit 32 -Parallel {
                Invoke-RestMethod -Uri "$($using:base)/v1/tiktok/users/$_" -Headers $using:headers
            } | Out-Null
        }
        Add-Row 'S1' 'ForEach-Object -Parallel + Invoke-RestMethod, 32' $seconds 1000 ('{0:N2}x the ideal' -f ($seconds / (1000 * 0.2 / 32)))
        $names = @(Get-Names 's1d' 100)
        $seconds = Measure-Seconds { foreach ($n in $names) { $null = Invoke-RestMethod -Uri "$base/v1/tiktok/users/$n" -Headers $headers } }
        Add-Row 'S1' 'foreach + Invoke-RestMethod (100, scaled x10)' ($seconds * 10) 1000 'SCALED from 100 lookups'
        Add-Row 'S1' 'ideal at throttle 32 (1,000 x 200 ms / 32)' (1000 * 0.2 / 32) 1000 'the limit'
        Add-Row 'S1' "ideal at throttle $defaultThrottle" (1000 * 0.2 / $defaultThrottle) 1000 'the limit'
        # A shorter list weighs the start-up ramp and the tail more: 400 names are only 12.5 rounds at 32.
        $seconds = Measure-ModuleRun @(Get-Names 's1e' 400) @{ ThrottleLimit = 32 }
        Add-Row 'S1' '400 users, module, -ThrottleLimit 32' $seconds 400 ('{0:N2}x the ideal, target <= 1.10x; 400 objects, 400 requests' -f ($seconds / (400 * 0.2 / 32))) ($seconds / (400 * 0.2 / 32)) 'x ideal'
        Add-Row 'S1' 'ideal at throttle 32 (400 x 200 ms / 32)' (400 * 0.2 / 32) 400 'the limit'
        # An early stop: the credits `| Select-Object -First 3` costs, counted by the emulator's ledger
        # once the requests the stop cancelled have settled (a request cancelled before its answer is
        # refunded; one answered before the stop reached it is charged).
        $names = @(Get-Names 's1f' 400)
        Wait-EmulatorIdle
        Reset-Emulator
        $seconds = Measure-Seconds { $script:S1First = @($names | Get-KonbiniTikTokUser | Select-Object -First 3) }
        Wait-EmulatorIdle
        $charged = Get-EmulatorCharged -Key $key
        $started = @(Get-EmulatorRequests).Count
        if ($script:S1First.Count -ne 3) { throw "S1 -First 3 checked wrong: $($script:S1First.Count) objects." }
        Add-Row 'S1' '400 users | Select-Object -First 3: credits' $seconds 3 ('{0} credits charged, {1} requests started; target <= 8 credits' -f $charged, $started) $charged 'credits'
    }

    if ('S2' -in $Scenario) {
        Write-Host 'S2: 5,000 lookups at zero latency'
        Set-EmulatorConfig -Settings @{ latencyMs = 0; jitterMs = 0 }
        $seconds = Measure-ModuleRun @(Get-Names 's2a' 5000)
        Add-Row 'S2' 'module, default throttle' $seconds 5000 '5,000 objects, 5,000 requests'
        $names = @(Get-Names 's2b' 5000)
        $seconds = Measure-Seconds { foreach ($n in $names) { $null = Invoke-RestMethod -Uri "$base/v1/tiktok/users/$n" -Headers $headers } }
        Add-Row 'S2' 'foreach + Invoke-RestMethod' $seconds 5000
        $names = @(Get-Names 's2c' 5000)
        $seconds = Measure-Seconds {
            $names | ForEach-Object -ThrottleLimit 32 -Parallel {
                Invoke-RestMethod -Uri "$($using:base)/v1/tiktok/users/$_" -Headers $using:headers
            } | Out-Null
        }
        Add-Row 'S2' 'ForEach-Object -Parallel + Invoke-RestMethod, 32' $seconds 5000
    }

    if ('S5' -in $Scenario) {
        # Why the default throttle is what it is: the same two workloads at several throttles.
        Write-Host 'S5: throttle sweep (400 users at 200 ms; 5,000 at zero latency)'
        foreach ($throttle in 4, 8, 16, 32, 64) {
            Set-EmulatorConfig -Settings @{ latencyMs = 200; jitterMs = 0 }
            $seconds = Measure-ModuleRun @(Get-Names "s5a_$throttle" 400) @{ ThrottleLimit = $throttle }
            Add-Row 'S5' "200 ms latency, -ThrottleLimit $throttle" $seconds 400 ('{0:N2}x its ideal ({1:N2} s)' -f ($seconds / (400 * 0.2 / $throttle)), (400 * 0.2 / $throttle))
            Set-EmulatorConfig -Settings @{ latencyMs = 0; jitterMs = 0 }
            $seconds = Measure-ModuleRun @(Get-Names "s5b_$throttle" 5000) @{ ThrottleLimit = $throttle }
            Add-Row 'S5' "zero latency, -ThrottleLimit $throttle" $seconds 5000
        }
    }

    if ('S6' -in $Scenario) {
        Write-Host 'S6: 50 users x 4 pages of videos at 200 ms latency, -ThrottleLimit 16'
        # emu.list.1000.<anything>: every list of these users has exactly 1,000 items, so 140 is 4 full pages.
        $users = @(for ($i = 0; $i -lt 50; $i++) { "emu.list.1000.$i" })
        $againUsers = @(for ($i = 0; $i -lt 50; $i++) { "emu.list.1000.again$i" })
        # The emulator may be a new process too, and its first answers would pay for its own JIT, which a
        # running service never does. Another process asks it for pages first, so that what is measured is
        # this process alone: the target run is the first list this process reads (run alone, the module's
        # code is not compiled yet), and the same run again follows on its own row.
        Set-EmulatorConfig -Settings @{ latencyMs = 0; jitterMs = 0 }
        & $pwshHost @pwshArgs -NoProfile -NoLogo -NonInteractive -Command "1..40 | ForEach-Object { `$null = Invoke-RestMethod -Uri ('$base/v1/tiktok/users/emu.list.1000.warm{0}/videos?count=35' -f `$_) -Headers @{ Authorization = 'Bearer $key' } }"
        Set-EmulatorConfig -Settings @{ latencyMs = 200; jitterMs = 0 }
        Wait-EmulatorIdle
        Reset-Emulator
        $seconds = Measure-CheckedRun 'S6' 7000 200 {
            $script:S6Videos = @(Get-KonbiniTikTokVideo -Username $users -First (4 * 35) -ThrottleLimit 16)
            $script:S6Videos.Count
        }
        $perUser = @($script:S6Videos | Group-Object ListedFor)
        if ($perUser.Count -ne 50 -or @($perUser | Where-Object Count -NE 140).Count -gt 0) {
            throw "S6 checked wrong: $($perUser.Count) users listed, not all with 140 videos."
        }
        $script:S6Videos = $null
        $maxInFlight = (Get-EmulatorStats).maxInFlight
        # Where the time goes, from the emulator's request log (arrival times; the log holds exactly this
        # run's 200 requests after the reset): how long one user's next page takes to be asked for after
        # the previous one (200 ms of it is the latency), and when the last user's first page was asked for.
        $log = @(Get-EmulatorRequests | ForEach-Object { [pscustomobject]@{ User = ($_.path -split '/')[4]; Time = [datetime]$_.time } })
        $start = ($log | Measure-Object Time -Minimum).Minimum
        $gaps = foreach ($group in ($log | Group-Object User)) {
            $times = @($group.Group.Time | Sort-Object)
            for ($j = 1; $j -lt $times.Count; $j++) { ($times[$j] - $times[$j - 1]).TotalMilliseconds }
        }
        $pageMs = ($gaps | Measure-Object -Average).Average
        $lastStart = (($log | Group-Object User | ForEach-Object { ($_.Group.Time | Measure-Object -Minimum).Minimum } | Measure-Object -Maximum).Maximum - $start).TotalSeconds
        $script:S6Timing = [ordered]@{ maxInFlight = $maxInFlight; meanPageToPageMs = [math]::Round($pageMs, 1); lastUserFirstPageSeconds = [math]::Round($lastStart, 3) }
        Wait-EmulatorIdle
        Reset-Emulator
        $againSeconds = Measure-CheckedRun 'S6 again' 7000 200 {
            @(Get-KonbiniTikTokVideo -Username $againUsers -First (4 * 35) -ThrottleLimit 16).Count
        }
        $ideal = 200 * 0.2 / 16
        # Each user's four pages follow each other (a page's cursor comes from the one before), so with one
        # user per slot 50 users make ceil(50 / 16) = 4 waves of 4 pages: the last wave runs 2 users alone.
        $waves = [math]::Ceiling(50 / 16) * 4 * 0.2
        Add-Row 'S6' 'module, 50 users -First 140, -ThrottleLimit 16' $seconds 7000 ('{0:N2}x the ideal, target <= 1.15x; 7,000 objects, 200 requests, at most {1} in flight' -f ($seconds / $ideal), $maxInFlight) ($seconds / $ideal) 'x ideal'
        Add-Row 'S6' 'the same again, 50 other users (JIT warm)' $againSeconds 7000 ('{0:N2}x the ideal; not the target run' -f ($againSeconds / $ideal)) ($againSeconds / $ideal) 'x ideal'
        Add-Row 'S6' 'ideal (200 pages x 200 ms / 16)' $ideal 7000 'the limit'
        Add-Row 'S6' 'one user per slot: ceil(50/16) x 4 pages x 200 ms' $waves 7000 ('{0:N2}x the ideal; measured page-to-page {1:N0} ms, last user started at {2:N2} s' -f ($waves / $ideal), $pageMs, $lastStart)
    }

    if ('S7' -in $Scenario) {
        Write-Host 'S7: 100,000 followers of one user, -All, at zero latency'
        Set-EmulatorConfig -Settings @{ latencyMs = 0; jitterMs = 0 }
        # 100,000 followers at 30 a page: 3,333 full pages and one of 10.
        $seconds = Measure-CheckedRun 'S7' 100000 3334 {
            $n = 0
            Get-KonbiniTikTokFollower -Username emu.list.100000 -All | ForEach-Object { $n++ }
            $n
        }
        Add-Row 'S7' 'module -All into a counter' $seconds 100000 ('{0:N0} items/s; 100,000 objects, 3,334 requests' -f (100000 / $seconds))
        # Memory in a fresh pwsh, sampled as S4 does (after a full GC), every 5,000 items.
        $probe = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
Import-Module '$modulePath'
Set-KonbiniApiKey -ApiKey (ConvertTo-SecureString '$key' -AsPlainText -Force) -BaseUri '$base'
`$samples = [System.Collections.Generic.List[long]]::new()
`$heap = [System.Collections.Generic.List[long]]::new()
`$i = 0
Get-KonbiniTikTokFollower -Username emu.list.100000 -All | ForEach-Object {
    `$i++
    if (`$i % 5000 -eq 0) {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        `$samples.Add([Environment]::WorkingSet)
        `$heap.Add([GC]::GetTotalMemory(`$true))
    }
}
`$i
`$heap -join ','
`$samples -join ','
"@
        $before = (Get-EmulatorStats).totalRequests
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $output = @(& $pwshHost @pwshArgs -NoProfile -NoLogo -NonInteractive -Command $probe)
        $watch.Stop()
        $requests = (Get-EmulatorStats).totalRequests - $before
        $count = [int]$output[-3]
        if ($count -ne 100000 -or $requests -ne 3334) { throw "S7 memory run checked wrong: $count objects and $requests requests." }
        $heapSamples = @($output[-2] -split ',' | ForEach-Object { [long]$_ })
        $samples = @($output[-1] -split ',' | ForEach-Object { [long]$_ })
        $script:S7Samples = @($samples | ForEach-Object { [math]::Round($_ / 1MB, 1) })
        $script:S7HeapSamples = @($heapSamples | ForEach-Object { [math]::Round($_ / 1MB, 2) })
        $growthMb = ($samples[-1] - $samples[0]) / 1MB
        $heapGrowthMb = ($heapSamples[-1] - $heapSamples[0]) / 1MB
        $slopeMb = (Get-Slope $samples) / 1MB * 2
        $elapsed = $watch.Elapsed.TotalSeconds
        Add-Row 'S7' 'working set at item 5,000' $elapsed 100000 ('{0:N1} MB (fresh pwsh, GC every 5,000 items)' -f ($samples[0] / 1MB)) ($samples[0] / 1MB) 'MB'
        Add-Row 'S7' 'working set at item 100,000' $elapsed 100000 ('{0:N1} MB' -f ($samples[-1] / 1MB)) ($samples[-1] / 1MB) 'MB'
        Add-Row 'S7' 'growth, item 5,000 to 100,000' $elapsed 100000 ('{0:N1} MB, target < 50 MB' -f $growthMb) $growthMb 'MB'
        Add-Row 'S7' 'trend over the 20 samples' $elapsed 100000 ('{0:N2} MB per 10,000 items' -f $slopeMb) $slopeMb 'MB/10000'
        Add-Row 'S7' 'managed heap growth, item 5,000 to 100,000' $elapsed 100000 ('{0:N2} MB (heap {1:N1} MB at the end); target < 50 MB' -f $heapGrowthMb, ($heapSamples[-1] / 1MB)) $heapGrowthMb 'MB'
    }

    if ('S9' -in $Scenario) {
        Write-Host 'S9: 1,000 Reddit post IDs at 200 ms latency, throttle 16: batched against single lookups'
        Set-EmulatorConfig -Settings @{ latencyMs = 0; jitterMs = 0 }
        $ids = @(Get-KonbiniRedditPost -Subreddit 'emu_list_1000' -First 1000 -PageSize 100 | ForEach-Object PostId)
        if ($ids.Count -ne 1000 -or @($ids | Sort-Object -Unique).Count -ne 1000) { throw "S9 needs 1,000 distinct post IDs; the listing gave $($ids.Count)." }
        Set-EmulatorConfig -Settings @{ latencyMs = 200; jitterMs = 0 }
        foreach ($case in 'batched', 'single') {
            Reset-Emulator
            $before = (Get-EmulatorStats).totalRequests
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $posts = if ($case -eq 'batched') {
                Get-KonbiniRedditPost -PostId $ids -ThrottleLimit 16
            }
            else {
                $ids | ForEach-Object { "/v1/reddit/posts/$_" } | Invoke-KonbiniApi -ThrottleLimit 16
            }
            $watch.Stop()
            $requests = (Get-EmulatorStats).totalRequests - $before
            $credits = Get-EmulatorCharged -Key $key
            $returned = @($posts | ForEach-Object { if ($case -eq 'batched') { $_.PostId } else { $_.entityId -replace '^t3_' } })
            if ($returned.Count -ne 1000 -or (Compare-Object $ids $returned -SyncWindow 0)) { throw "S9 $case run checked wrong: $($returned.Count) posts, not the 1,000 asked for in order." }
            $label = if ($case -eq 'batched') { 'Get-KonbiniRedditPost -PostId (batches of up to 100)' } else { 'Invoke-KonbiniApi, one GET per post' }
            Add-Row 'S9' $label $watch.Elapsed.TotalSeconds 1000 ('{0:N0} requests, {1:N0} credits' -f $requests, $credits) $requests 'requests'
        }
        Set-EmulatorConfig -Settings @{ latencyMs = 0 }
    }

    if ('S8' -in $Scenario) {
        Write-Host 'S8: 20 files of 20 MB from the stand-in CDN, 8 at a time: module and curl'
        $curl = if (Test-Path /usr/bin/curl) { '/usr/bin/curl' } else { (Get-Command curl -CommandType Application -ErrorAction Stop).Source }
        $fileBytes = 20MB
        $totalMb = 20 * $fileBytes / 1MB
        Set-EmulatorConfig -Settings @{ latencyMs = 0; jitterMs = 0; videoBytes = $fileBytes }
        # Distinct ordinary 19-digit IDs (not 99..., which are the emulator's scenarios).
        $videoIds = @(for ($i = 1; $i -le 20; $i++) { '7100000000000{0:D6}' -f $i })
        $work = Join-Path ([IO.Path]::GetTempPath()) ('konbini-bench-s8-' + [guid]::NewGuid().ToString('n'))
        # Every run is checked: 20 files of exactly 20 MB, and the CDN served 20 complete files.
        $checkFiles = {
            param([string] $Folder, [string] $Who)
            $files = @(Get-ChildItem -LiteralPath $Folder -File)
            $cdn = @(Invoke-RestMethod -Uri "$base/_emulator/cdn-requests" | ForEach-Object { $_ })
            $short = @($files | Where-Object Length -NE $fileBytes).Count + @($cdn | Where-Object { $_.status -ne 200 -or $_.bytes -ne $fileBytes }).Count
            if ($files.Count -ne 20 -or $cdn.Count -ne 20 -or $short -gt 0) {
                throw "S8 $Who run checked wrong: $($files.Count) files, $($cdn.Count) CDN requests, $short short or failed."
            }
        }
        $rounds = [System.Collections.Generic.List[object]]::new()
        try {
            # One warm-up download, so that neither side's figure carries the module's first-call JIT.
            $null = Save-KonbiniTikTokVideo -VideoId 7100000000000000000 -Destination (Join-Path $work 'warm-up') -ThrottleLimit 8
            foreach ($round in 1..5) {
                $folder = Join-Path $work "module-$round"
                Wait-EmulatorIdle
                Reset-Emulator
                $seconds = Measure-Seconds { Save-KonbiniTikTokVideo -VideoId $videoIds -Destination $folder -ThrottleLimit 8 }
                $requests = (Get-EmulatorStats).totalRequests
                if ($requests -ne 20) { throw "S8 module run checked wrong: $requests API requests for 20 videos." }
                & $checkFiles $folder 'module'
                Remove-Item -LiteralPath $folder -Recurse -Force
                $moduleSeconds = $seconds

                # Fresh links for curl, asked for before the clock starts (the module's figure includes its own 20).
                $urls = @(foreach ($id in $videoIds) { (Invoke-RestMethod -Uri "$base/v1/tiktok/videos/$id/download" -Headers $headers).data.url })
                $folder = Join-Path $work "curl-$round"
                $null = New-Item -ItemType Directory -Force $folder
                $curlArgs = @('--parallel', '--parallel-max', '8', '--parallel-immediate', '--silent', '--no-progress-meter', '--show-error', '--fail')
                for ($i = 0; $i -lt 20; $i++) { $curlArgs += '-o', (Join-Path $folder "$($videoIds[$i]).mp4"), $urls[$i] }
                Reset-Emulator
                $seconds = Measure-Seconds { & $curl @curlArgs | Out-Null }
                if ($LASTEXITCODE -ne 0) { throw "S8 curl exited with $LASTEXITCODE." }
                & $checkFiles $folder 'curl'
                Remove-Item -LiteralPath $folder -Recurse -Force
                $rounds.Add([pscustomobject]@{ round = $round; moduleSeconds = [math]::Round($moduleSeconds, 3); curlSeconds = [math]::Round($seconds, 3) })
            }
        }
        finally {
            if (Test-Path -LiteralPath $work) { Remove-Item -LiteralPath $work -Recurse -Force }
            Set-EmulatorConfig -Settings @{ videoBytes = 262144 }
        }
        $script:S8Rounds = $rounds
        $moduleSeconds = Get-Median @($rounds.moduleSeconds)
        $curlSeconds = Get-Median @($rounds.curlSeconds)
        $moduleRate = $totalMb / $moduleSeconds
        $curlRate = $totalMb / $curlSeconds
        $range = { param($values) '{0:N0}-{1:N0} MB/s' -f ($totalMb / ($values | Measure-Object -Maximum).Maximum), ($totalMb / ($values | Measure-Object -Minimum).Minimum) }
        Add-Row 'S8' 'module, Save-KonbiniTikTokVideo -ThrottleLimit 8' $moduleSeconds 20 ('{0:N0} MB/s (median of 5; {1}); 20 files of 20 MB, 20 link requests' -f $moduleRate, (& $range $rounds.moduleSeconds)) $moduleRate 'MB/s'
        Add-Row 'S8' 'curl --parallel --parallel-max 8' $curlSeconds 20 ('{0:N0} MB/s (median of 5; {1}); 20 files of 20 MB' -f $curlRate, (& $range $rounds.curlSeconds)) $curlRate 'MB/s'
        Add-Row 'S8' 'module throughput / curl throughput' $moduleSeconds 20 ('{0:N0}%, target >= 80%' -f (100 * $moduleRate / $curlRate)) (100 * $moduleRate / $curlRate) '%'
    }

    if ('S4' -in $Scenario) {
        Write-Host 'S4: working set over 20,000 streamed lookups'
        Set-EmulatorConfig -Settings @{ latencyMs = 0; jitterMs = 0 }
        $probe = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
Import-Module '$modulePath'
Set-KonbiniApiKey -ApiKey (ConvertTo-SecureString '$key' -AsPlainText -Force) -BaseUri '$base'
`$samples = [System.Collections.Generic.List[long]]::new()
`$heap = [System.Collections.Generic.List[long]]::new()
`$i = 0
& { for (`$n = 0; `$n -lt 20000; `$n++) { 's4_' + `$n } } | Get-KonbiniTikTokUser | ForEach-Object {
    `$i++
    if (`$i % 1000 -eq 0) {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        `$samples.Add([Environment]::WorkingSet)
        `$heap.Add([GC]::GetTotalMemory(`$true))
    }
} | Out-Null
`$heap -join ','
`$samples -join ','
"@
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $output = & $pwshHost @pwshArgs -NoProfile -NoLogo -NonInteractive -Command $probe
        $watch.Stop()
        $samples = @(($output | Select-Object -Last 1) -split ',' | ForEach-Object { [long]$_ })
        $heapSamples = @(($output | Select-Object -Last 2 | Select-Object -First 1) -split ',' | ForEach-Object { [long]$_ })
        $heapGrowthMb = ($heapSamples[-1] - $heapSamples[0]) / 1MB
        $script:S4HeapSamples = @($heapSamples | ForEach-Object { [math]::Round($_ / 1MB, 2) })
        $growthMb = ($samples[-1] - $samples[0]) / 1MB
        # Least-squares slope over all 20 samples: memory that grows with the count shows up here even
        # when the first and last samples happen to be close.
        $xs = 1..$samples.Count
        $meanX = ($xs | Measure-Object -Average).Average
        $meanY = ($samples | Measure-Object -Average).Average
        $num = 0.0; $den = 0.0
        for ($j = 0; $j -lt $samples.Count; $j++) { $num += ($xs[$j] - $meanX) * ($samples[$j] - $meanY); $den += ($xs[$j] - $meanX) * ($xs[$j] - $meanX) }
        $slopeMb = ($num / $den) / 1MB
        $script:S4Samples = @($samples | ForEach-Object { [math]::Round($_ / 1MB, 1) })
        Add-Row 'S4' 'working set at item 1,000' $watch.Elapsed.TotalSeconds 20000 ('{0:N1} MB' -f ($samples[0] / 1MB)) ($samples[0] / 1MB) 'MB'
        Add-Row 'S4' 'working set at item 20,000' $watch.Elapsed.TotalSeconds 20000 ('{0:N1} MB' -f ($samples[-1] / 1MB)) ($samples[-1] / 1MB) 'MB'
        Add-Row 'S4' 'growth, item 1,000 to 20,000' $watch.Elapsed.TotalSeconds 20000 ('{0:N1} MB, target < 50 MB' -f $growthMb) $growthMb 'MB'
        Add-Row 'S4' 'trend over the 20 samples' $watch.Elapsed.TotalSeconds 20000 ('{0:N2} MB per 1,000 items' -f $slopeMb) $slopeMb 'MB/1000'
        Add-Row 'S4' 'managed heap growth, item 1,000 to 20,000' $watch.Elapsed.TotalSeconds 20000 ('{0:N2} MB (heap {1:N1} MB at the end)' -f $heapGrowthMb, ($heapSamples[-1] / 1MB)) $heapGrowthMb 'MB'
    }
}
finally {
    Stop-TestEmulator
}

if ('E1' -in $Scenario) {
    Write-Host 'E1: the emulator alone, 64 connections per route for 3 s'
    # A load loop in C#: a PowerShell loop would measure PowerShell, not the emulator.
    Add-Type -TypeDefinition @'
using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
public static class EmulatorLoad
{
    public static long Run(string url, string key, int connections, int milliseconds)
    {
        long bytes;
        return Run(url, key, connections, milliseconds, out bytes);
    }

    public static long Run(string url, string key, int connections, int milliseconds, out long bytes)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections };
        using var http = new HttpClient(handler);
        http.DefaultRequestHeaders.Add("Authorization", "Bearer " + key);
        long done = 0, failed = 0, sequence = 0, received = 0;
        var stop = DateTime.UtcNow.AddMilliseconds(milliseconds);
        var workers = new Task[connections];
        for (var i = 0; i < connections; i++)
        {
            workers[i] = Task.Run(async () =>
            {
                var buffer = new byte[81920];
                while (DateTime.UtcNow < stop)
                {
                    // {n} makes every request ask for something not asked before (a cold page).
                    var target = url.Replace("{n}", Interlocked.Increment(ref sequence).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    using var response = await http.GetAsync(target, HttpCompletionOption.ResponseHeadersRead);
                    using var body = await response.Content.ReadAsStreamAsync();
                    int read;
                    while ((read = await body.ReadAsync(buffer, 0, buffer.Length)) > 0) { Interlocked.Add(ref received, read); }
                    if ((int)response.StatusCode == 200) { Interlocked.Increment(ref done); } else { Interlocked.Increment(ref failed); }
                }
            });
        }
        Task.WaitAll(workers);
        if (failed > 0) { throw new InvalidOperationException(failed + " requests to " + url + " did not answer 200."); }
        bytes = received;
        return done;
    }
}
'@
    $loadKey = 'knbn_e1load'
    $load = Start-TestEmulator -Arguments '--latency-ms', '0', '--key', "$loadKey=1000000000"
    try {
        $loadBase = $load.BaseUri.TrimEnd('/')
        # The same request over and over (hot), and a new user or query every time (cold).
        $routes = [ordered]@{
            'user profile, hot' = '/v1/tiktok/users/e1_user'
            'user profile, cold' = '/v1/tiktok/users/e1_{n}'
            'followers, page of 30, hot' = '/v1/tiktok/users/e1_user/followers?count=30'
            'followers, page of 30, cold' = '/v1/tiktok/users/e1_{n}/followers?count=30'
            'videos, page of 35, hot' = '/v1/tiktok/users/e1_user/videos?count=35'
            'videos, page of 35, cold' = '/v1/tiktok/users/e1_{n}/videos?count=35'
            'comments, page of 50, hot' = '/v1/tiktok/videos/9900000000000010000/comments?count=50'
            'search videos, page of 100, hot' = '/v1/tiktok/search/videos?query=e1&count=100'
            'search videos, page of 100, cold' = '/v1/tiktok/search/videos?query=e1_{n}&count=100'
            # Every other platform's router, on a profile and on a first page.
            'Instagram profile, hot' = '/v1/instagram/users/e1_user'
            'Instagram posts, page of 12, cold' = '/v1/instagram/users/e1_{n}/posts'
            'X profile, hot' = '/v1/x/users/e1_user'
            'X posts, first page, cold' = '/v1/x/users/e1_{n}/posts'
            'Reddit profile, hot' = '/v1/reddit/users/e1_user'
            'Reddit subreddit posts, first page, cold' = '/v1/reddit/subreddits/e1_{n}/posts'
            'LinkedIn profile, hot' = '/v1/linkedin/users/e1-user'
            'LinkedIn company posts, first page, cold' = '/v1/linkedin/companies/e1-{n}/posts'
        }
        # One pass over every route first, so that what is measured is the JIT's steady state: measured
        # straight after start-up, the first routes ran at a third of their speed.
        foreach ($route in $routes.GetEnumerator()) {
            $null = [EmulatorLoad]::Run("$loadBase$($route.Value)", $loadKey, 64, 1000)
        }

        # A virtual machine's host can take CPU time away (steal); on Linux the share taken during each run is
        # printed with it, since a starved run measures the host, not the emulator.
        function Get-CpuTicks {
            if (-not (Test-Path /proc/stat)) { return $null }
            $fields = ((Get-Content /proc/stat -TotalCount 1) -split '\s+')[1..8] | ForEach-Object { [long] $_ }
            [pscustomobject]@{ Total = ($fields | Measure-Object -Sum).Sum; Steal = $fields[7] }
        }

        foreach ($route in $routes.GetEnumerator()) {
            $ticksBefore = Get-CpuTicks
            $load.Process.Refresh()
            $cpuBefore = $load.Process.TotalProcessorTime
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $bytes = 0L
            $count = [EmulatorLoad]::Run("$loadBase$($route.Value)", $loadKey, 64, 3000, [ref] $bytes)
            $watch.Stop()
            $load.Process.Refresh()
            $cpuMs = ($load.Process.TotalProcessorTime - $cpuBefore).TotalMilliseconds / $count
            $rate = $count / $watch.Elapsed.TotalSeconds
            $megabytes = $bytes / 1MB / $watch.Elapsed.TotalSeconds
            $ticksAfter = Get-CpuTicks
            $steal = if ($ticksBefore -and $ticksAfter.Total -gt $ticksBefore.Total) {
                ', {0:P0} of CPU time stolen by the host' -f (($ticksAfter.Steal - $ticksBefore.Steal) / ($ticksAfter.Total - $ticksBefore.Total))
            }
            Add-Row 'E1' $route.Key $watch.Elapsed.TotalSeconds $count ('{0:N0} requests/s, {1:N0} KB each, {2:N0} MB/s, {3:N3} CPU ms per request{4}; target >= 5,000/s' -f $rate, ($bytes / $count / 1KB), $megabytes, $cpuMs, $steal) $rate 'req/s'
            if ($route.Key -eq 'search videos, page of 100, cold') { $coldSearchRate = $rate }
        }

        # The bar behind the 5,000 (issue 2) is that the emulator is never a benchmark's bottleneck. The one
        # route under it, a new 100-item search, is put to that test directly: the module reads new searches
        # as fast as it can at zero latency, and the emulator's share of the machine meanwhile shows how much
        # of the time it was the part being waited for.
        Set-KonbiniApiKey -ApiKey (ConvertTo-SecureString $loadKey -AsPlainText -Force) -BaseUri $loadBase
        $null = Search-KonbiniTikTokVideo -Query e1_module_warm_up
        foreach ($throttle in 16, 64) {
            $queries = @(Get-Names "e1_module_$throttle" 400)
            $requestsBefore = (Get-EmulatorStats -BaseUri $loadBase).totalRequests
            $load.Process.Refresh()
            $cpuBefore = $load.Process.TotalProcessorTime
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $items = ($queries | Search-KonbiniTikTokVideo -ThrottleLimit $throttle | Measure-Object).Count
            $watch.Stop()
            $load.Process.Refresh()
            $emulatorCpu = ($load.Process.TotalProcessorTime - $cpuBefore).TotalSeconds
            $requests = (Get-EmulatorStats -BaseUri $loadBase).totalRequests - $requestsBefore
            if ($requests -ne 400 -or $items -lt 400 * 50) {
                throw "E1 module search run checked wrong: $requests requests and $items videos for 400 new searches."
            }
            $pageRate = 400 / $watch.Elapsed.TotalSeconds
            $share = $emulatorCpu / ($watch.Elapsed.TotalSeconds * [Environment]::ProcessorCount)
            Add-Row 'E1' "module reading 400 new searches, -ThrottleLimit $throttle" $watch.Elapsed.TotalSeconds $items ('{0:N0} pages/s ({1:N0} videos/s); the emulator alone serves this route at {3:N0}/s, {2:N1}x that; the emulator was busy {4:P0} of the machine' -f $pageRate, ($items / $watch.Elapsed.TotalSeconds), ($coldSearchRate / $pageRate), $coldSearchRate, $share) $pageRate 'pages/s'
        }
    }
    finally {
        Stop-TestEmulator $load
    }
}

$rows | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
$commit = (git -C $PSScriptRoot rev-parse --short HEAD 2>$null) ?? 'unknown'
$result = [ordered]@{
    date = [DateTime]::UtcNow.ToString('o')
    commit = $commit
    machine = [ordered]@{ cores = [Environment]::ProcessorCount; os = [Runtime.InteropServices.RuntimeInformation]::OSDescription; powershell = $PSVersionTable.PSVersion.ToString() }
    scenarios = $Scenario
    rows = $rows
    s4WorkingSetMbPer1000 = $script:S4Samples
    s4ManagedHeapMbPer1000 = $script:S4HeapSamples
    s6Timing = $script:S6Timing
    s7WorkingSetMbPer5000 = $script:S7Samples
    s7ManagedHeapMbPer5000 = $script:S7HeapSamples
    s8Rounds = $script:S8Rounds
}
$null = New-Item -ItemType Directory -Force $OutputPath
$json = $result | ConvertTo-Json -Depth 5
$file = Join-Path $OutputPath ('{0:yyyyMMdd-HHmmss}.json' -f [DateTime]::UtcNow)
Set-Content -Path $file -Value $json
Set-Content -Path (Join-Path $OutputPath 'latest.json') -Value $json
Write-Host "Figures written to $file"
