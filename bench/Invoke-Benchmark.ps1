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

    Prints a table and writes the figures as JSON to bench/results/<UTC time>.json and latest.json.
    A benchmark, not a test: it asserts nothing, it reports the targets next to the figures.

.EXAMPLE
    dotnet pwsh ./build.ps1 Bench

.EXAMPLE
    dotnet pwsh ./build.ps1 Bench -BenchScenario S2
#>
[CmdletBinding()]
param(
    [ValidateSet('S1', 'S2', 'S3', 'S4', 'S5')]
    [string[]] $Scenario = @('S1', 'S2', 'S3', 'S4', 'S5'),

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
}
$null = New-Item -ItemType Directory -Force $OutputPath
$json = $result | ConvertTo-Json -Depth 5
$file = Join-Path $OutputPath ('{0:yyyyMMdd-HHmmss}.json' -f [DateTime]::UtcNow)
Set-Content -Path $file -Value $json
Set-Content -Path (Join-Path $OutputPath 'latest.json') -Value $json
Write-Host "Figures written to $file"
